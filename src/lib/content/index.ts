/**
 * content: reading and checking the files authors write.
 *
 * Finds the files under content/, parses their frontmatter and bodies, and runs the one
 * validation pass (validate.ts): schemas, references with the closest id, URL ownership,
 * topic cycles, MDX components, unsafe bodies. Its output is the valid entries of each kind
 * and a list of problems, each naming the file, line and field (errors.ts).
 *
 * May import: core, schemas.
 * Map of the whole pipeline: docs/architecture.md.
 */
export {};
