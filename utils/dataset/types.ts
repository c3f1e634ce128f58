/** Entity types, kept free of the schema library so runtime bundles stay small. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'initiative', 'product', 'media', 'concept'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
