/** Growable typed-array columns: millions of numbers without millions of objects. */

type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

export class Column<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(
    private readonly make: TypedArrayConstructor<T>,
    initialCapacity = 1024,
  ) {
    this.data = new make(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The filled part, without copying (valid until the next push). */
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export const f64 = (capacity?: number) => new Column(Float64Array, capacity);
export const f32 = (capacity?: number) => new Column(Float32Array, capacity);
export const i32 = (capacity?: number) => new Column(Int32Array, capacity);
export const u8 = (capacity?: number) => new Column(Uint8Array, capacity);

/** Strings to dense ids and back. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  get size(): number {
    return this.names.length;
  }
}
