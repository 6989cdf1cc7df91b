/**
 * authoring: the logic of the authors' commands.
 *
 * `npm run new` (scaffold), the CI summary of content problems, the guide's field reference
 * and the JSON Schemas for editors.
 *
 * May import: core, schemas, content.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
