// Finds repeated keys in a list: every occurrence after the first, with the index of the first.

export interface Duplicate<T> {
  item: T;
  index: number;
  firstIndex: number;
  key: string;
}

export function findDuplicates<T>(items: readonly T[], keyOf: (item: T) => string): Array<Duplicate<T>> {
  const firstIndexOf = new Map<string, number>();
  const duplicates: Array<Duplicate<T>> = [];
  items.forEach((item, index) => {
    const key = keyOf(item);
    const firstIndex = firstIndexOf.get(key);
    if (firstIndex === undefined) firstIndexOf.set(key, index);
    else duplicates.push({ item, index, firstIndex, key });
  });
  return duplicates;
}
