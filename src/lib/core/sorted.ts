/**
 * The first index whose item passes `test`, for a test that once it passes
 * keeps passing along the list (binary search); `items.length` when none does.
 */
export function firstIndexWhere<T>(items: ArrayLike<T>, test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(items[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}
