/**
 * The one table of entity-type labels: the singular a card shows when an entity has no `kind`
 * ("Person"), and the plural the popup and the options page head a group with ("People").
 */
import type { EntityType } from './dataset/types';
import type { MessageKey } from './i18n';

export const TYPE_LABELS: Record<EntityType, { one: MessageKey; many: MessageKey }> = {
  person: { one: 'kindPerson', many: 'typePerson' },
  organization: { one: 'kindOrganization', many: 'typeOrganization' },
  place: { one: 'kindPlace', many: 'typePlace' },
  event: { one: 'kindEvent', many: 'typeEvent' },
  initiative: { one: 'kindInitiative', many: 'typeInitiative' },
  product: { one: 'kindProduct', many: 'typeProduct' },
  media: { one: 'kindMedia', many: 'typeMedia' },
  concept: { one: 'kindConcept', many: 'typeConcept' },
};
