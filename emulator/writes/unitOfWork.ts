/**
 * One transaction of writes: a create with its children, one BULK item, one import row. Every
 * change goes through the store and leaves an undo step, so a failure half-way leaves the data
 * as it was (practitioner guide CREATE: children are created "atomically with the parent").
 */
import type { Row } from "../model/types";
import type { Store } from "../store/store";

export class UnitOfWork {
  private undo: Array<() => void> = [];

  constructor(readonly store: Store) {}

  insert(mbo: string, values: Row): Row {
    const row = this.store.insert(mbo, values);
    this.undo.push(() => this.store.remove(mbo, row));
    return row;
  }

  update(mbo: string, row: Row, changes: Row): Row {
    const before: Row = { ...row };
    this.store.update(mbo, row, changes);
    this.undo.push(() => {
      for (const key of Object.keys(row)) if (!(key in before)) delete row[key];
      this.store.update(mbo, row, before);
      // Undoing restores the old rowstamp too, so an ETag read before the failed write still holds.
      row._rowstamp = before._rowstamp ?? null;
    });
    return row;
  }

  remove(mbo: string, row: Row): void {
    this.store.remove(mbo, row);
    this.undo.push(() => {
      this.store.insert(mbo, row);
    });
  }

  /** Work outside the store (attachment bytes) that must be undone with the rows. */
  onRollback(step: () => void): void {
    this.undo.push(step);
  }

  rollback(): void {
    for (const step of this.undo.reverse()) step();
    this.undo = [];
  }

  /** Runs `work`; on any failure undoes what it did and rethrows. */
  static run<T>(store: Store, work: (unit: UnitOfWork) => T): T {
    const unit = new UnitOfWork(store);
    try {
      return work(unit);
    } catch (error) {
      unit.rollback();
      throw error;
    }
  }
}
