// The settings schema as the core defines it (crate/src/settings): the parameter table, the
// choices and lists a link takes, the keys only a link sets, embed mode's defaults. Read once,
// after the core has loaded; every module that needs a setting's facts asks here.

import { settings } from './pkg/sigmoid_lab.js';

let schema = null;

/** The schema (the core must be initialised first). */
export function getSchema() {
  schema ??= settings();
  return schema;
}
