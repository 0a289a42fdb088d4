import { checkKebabId, where } from './categoryRules';
import { nearest, scalarReplacement } from './fixes';
import { normalizeTagText } from './normalize';
import { PROBLEM_CODES as C, ProblemList } from './problems';
import type { CategoryEntry, TagEntry, TaxonomyShape } from './shape';
import { anchorRange, scalarAt, valueRange } from './source';

/** Descriptions longer than this crowd the labeling prompt. */
export const MAX_DESCRIPTION_LENGTH = 200;

/**
 * Tag-level rules: ids are kebab-case and unique within and across categories, a tag's own
 * `category` matches where it is listed, subcategories fit the category, descriptions stay
 * short, names are distinct, aliases do not collide with ids or each other, `related` points
 * at real tags, and every declared category ends up with at least one tag.
 */
export function checkTags(
  shape: TaxonomyShape,
  declared: ReadonlyMap<string, CategoryEntry>,
  partlyUnreadable: ReadonlySet<string>,
  problems: ProblemList,
): void {
  const owners = checkIds(shape.tags, problems);
  for (const tag of shape.tags) {
    checkListedCategory(tag, problems);
    const category = tag.listedUnder === undefined ? undefined : declared.get(tag.listedUnder);
    if (category) checkSubcategory(tag, category, problems);
    checkDescription(tag, problems);
  }
  checkNames(shape.tags, problems);
  checkAliases(shape.tags, owners, problems);
  checkRelated(shape.tags, owners, problems);
  for (const [id, category] of declared) {
    if (owners.byCategory.get(id)?.size || partlyUnreadable.has(id)) continue;
    const message = `category \`${id}\` has no tags; add them inline under \`tags\` or in a file with \`category: ${id}\``;
    problems.error(category.file.path, C.emptyCategory, message, valueRange(category.file, [...category.path, 'id']));
  }
}

interface IdOwners {
  /** Category → tag id → first tag with that id. */
  byCategory: Map<string, Map<string, TagEntry>>;
  /** Tag id → first tag with that id, in any category. */
  anywhere: Map<string, TagEntry>;
}

function checkIds(tags: readonly TagEntry[], problems: ProblemList): IdOwners {
  const owners: IdOwners = { byCategory: new Map(), anywhere: new Map() };
  for (const tag of tags) {
    const id = tag.data.id;
    if (id === undefined) continue;
    checkKebabId(tag, 'tag', problems);
    const category = tag.listedUnder ?? '';
    const ids = owners.byCategory.get(category) ?? new Map<string, TagEntry>();
    owners.byCategory.set(category, ids);
    const idPath = [...tag.path, 'id'];
    const sameCategory = ids.get(id);
    const elsewhere = owners.anywhere.get(id);
    if (sameCategory) {
      const message = `duplicate tag id \`${id}\` in category \`${category}\`; first defined at ${where(sameCategory.file, [...sameCategory.path, 'id'])}`;
      problems.error(tag.file.path, C.duplicateId, message, valueRange(tag.file, idPath));
      continue;
    }
    ids.set(id, tag);
    if (elsewhere) {
      const message = `tag id \`${id}\` is also used in category \`${elsewhere.listedUnder}\` (${where(elsewhere.file, [...elsewhere.path, 'id'])}); ids must be unique across categories`;
      problems.error(tag.file.path, C.idInTwoCategories, message, valueRange(tag.file, idPath));
      continue;
    }
    owners.anywhere.set(id, tag);
  }
  return owners;
}

function checkListedCategory(tag: TagEntry, problems: ProblemList): void {
  const own = tag.data.category;
  if (own === undefined || tag.listedUnder === undefined || own === tag.listedUnder) return;
  const path = [...tag.path, 'category'];
  const range = valueRange(tag.file, path);
  const message = `tag \`${tag.data.id ?? '?'}\` says \`category: ${own}\` but is listed under \`${tag.listedUnder}\``;
  problems.error(tag.file.path, C.categoryMismatch, message, range, {
    title: `Change to \`${tag.listedUnder}\``,
    range,
    newText: scalarReplacement(scalarAt(tag.file, path), tag.listedUnder),
  });
}

function checkSubcategory(tag: TagEntry, category: CategoryEntry, problems: ProblemList): void {
  const declared = category.subcategories.map((s) => s.data.id).filter((id): id is string => id !== undefined);
  const sub = tag.data.subcategory;
  const id = tag.data.id ?? '?';
  if (sub === undefined) {
    if (declared.length === 0) return;
    const message = `tag \`${id}\` needs a \`subcategory\`: category \`${category.data.id}\` is split into ${list(declared)}`;
    problems.error(tag.file.path, C.missingSubcategory, message, anchorRange(tag.file, tag.path));
    return;
  }
  if (declared.includes(sub)) return;
  const path = [...tag.path, 'subcategory'];
  const range = valueRange(tag.file, path);
  if (declared.length === 0) {
    const message = `category \`${category.data.id}\` declares no subcategories, so \`subcategory: ${sub}\` is undefined`;
    problems.error(tag.file.path, C.unknownSubcategory, message, range);
    return;
  }
  const suggestion = nearest(sub, declared);
  const fix = suggestion
    ? { title: `Change to \`${suggestion}\``, range, newText: scalarReplacement(scalarAt(tag.file, path), suggestion) }
    : undefined;
  const message = `unknown subcategory \`${sub}\` for category \`${category.data.id}\`; declared: ${list(declared)}`;
  problems.error(tag.file.path, C.unknownSubcategory, message, range, fix);
}

function checkDescription(tag: TagEntry, problems: ProblemList): void {
  const description = tag.data.description;
  if (description === undefined || description.length <= MAX_DESCRIPTION_LENGTH) return;
  const message = `description of \`${tag.data.id ?? '?'}\` is ${description.length} characters; keep it under ${MAX_DESCRIPTION_LENGTH} so prompts stay compact`;
  problems.warning(tag.file.path, C.longDescription, message, valueRange(tag.file, [...tag.path, 'description']));
}

function checkNames(tags: readonly TagEntry[], problems: ProblemList): void {
  const seen = new Map<string, TagEntry>();
  for (const tag of tags) {
    const name = tag.data.name;
    if (name === undefined) continue;
    const key = `${tag.listedUnder ?? ''}\u0000${name.trim().toLowerCase()}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, tag);
      continue;
    }
    const message = `tag name "${name}" is also used by \`${first.data.id ?? '?'}\` in this category; the labeler could not tell them apart`;
    problems.warning(tag.file.path, C.duplicateName, message, valueRange(tag.file, [...tag.path, 'name']));
  }
}

function checkAliases(tags: readonly TagEntry[], owners: IdOwners, problems: ProblemList): void {
  const aliasOwner = new Map<string, TagEntry>();
  for (const tag of tags) {
    const category = tag.listedUnder ?? '';
    (tag.data.aliases ?? []).forEach((alias, index) => {
      const normalized = normalizeTagText(alias);
      if (normalized === tag.data.id) return;
      const range = valueRange(tag.file, [...tag.path, 'aliases', index]);
      const idHere = owners.byCategory.get(category)?.get(normalized);
      if (idHere) {
        const message = `alias \`${alias}\` of \`${tag.data.id ?? '?'}\` is the id of another tag in \`${category}\`; the tag id always wins`;
        problems.error(tag.file.path, C.aliasIsId, message, range);
        return;
      }
      const foreign = owners.anywhere.get(normalized);
      if (foreign) {
        const message = `alias \`${alias}\` of \`${tag.data.id ?? '?'}\` is the id of a tag in \`${foreign.listedUnder}\`; the same word would mean different tags`;
        problems.warning(tag.file.path, C.aliasIsForeignId, message, range);
      }
      const key = `${category}\u0000${normalized}`;
      const first = aliasOwner.get(key);
      if (!first) aliasOwner.set(key, tag);
      else if (first !== tag) {
        const message = `alias \`${alias}\` is also an alias of \`${first.data.id ?? '?'}\` in \`${category}\`; it resolves to \`${first.data.id ?? '?'}\``;
        problems.warning(tag.file.path, C.sharedAlias, message, range);
      }
    });
  }
}

function checkRelated(tags: readonly TagEntry[], owners: IdOwners, problems: ProblemList): void {
  for (const tag of tags) {
    (tag.data.related ?? []).forEach((ref, index) => {
      if (owners.anywhere.has(ref)) return;
      const path = [...tag.path, 'related', index];
      const range = valueRange(tag.file, path);
      const suggestion = nearest(ref, owners.anywhere.keys());
      const fix = suggestion
        ? { title: `Change to \`${suggestion}\``, range, newText: scalarReplacement(scalarAt(tag.file, path), suggestion) }
        : undefined;
      const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
      problems.error(tag.file.path, C.danglingReference, `\`related\` names unknown tag \`${ref}\`${hint}`, range, fix);
    });
  }
}

function list(ids: readonly string[]): string {
  return ids.map((id) => `\`${id}\``).join(', ');
}
