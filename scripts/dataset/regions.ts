/** World region of an ISO 3166-1 alpha-2 code, for grouping in the data report. Entities without a country are "global". */
const REGIONS: Record<string, string> = {};
const add = (region: string, codes: string) => codes.split(' ').forEach((c) => (REGIONS[c] = region));
add(
  'Africa',
  'DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD TZ TG TN UG EH ZM ZW',
);
add(
  'Americas',
  'AI AG AR AW BS BB BZ BM BO BR VG CA KY CL CO CR CU CW DM DO EC SV FK GF GL GD GP GT GY HT HN JM MQ MX MS NI PA PY PE PR BL KN LC MF PM VC SX SR TT TC US UM UY VE VI',
);
add('Asia', 'AF BD BT BN KH CN HK IN ID JP KZ KP KR KG LA MO MY MV MN MM NP PK PH SG LK TW TJ TH TL TM UZ VN');
add('Middle East', 'BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE');
add(
  'Europe',
  'AX AL AD AM AT AZ BY BE BA BG HR CZ DK EE FO FI FR GE DE GI GR GG HU IS IE IM IT JE XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB VA',
);
add('Oceania', 'AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV VU WF');

export function regionOf(country?: string): string {
  return country ? (REGIONS[country] ?? 'other') : 'global';
}
