/**
 * Copies a block-relative tree with every offset moved by `delta`, for consumers that want
 * absolute offsets. Offsets are the numeric `start` and `end` of any object: nodes are spans,
 * and plain spans (`line`, `colon`, a diagnostic's `span`) are too.
 */
export function shiftSpans<T>(value: T, delta: number): T {
  return shift(value, delta) as T;
}

function shift(value: unknown, delta: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.length === 0 ? value : value.map((item) => shift(item, delta));
  const object = value as Record<string, unknown>;
  const isSpan = typeof object.start === "number" && typeof object.end === "number";
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    const field = object[key];
    copy[key] = isSpan && (key === "start" || key === "end") ? (field as number) + delta : shift(field, delta);
  }
  return copy;
}
