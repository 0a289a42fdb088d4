// Joins a document's rows with their labels: what the CodeLens, hover and details views show for a row.
import type { IndexedItem } from '../../core/dataset/read';
import { rowSampleViews } from '../../core/views/rowViews';
import type { SampleView } from '../../core/views/sampleState';
import type { TaxonomyService } from '../taxonomy/taxonomyService';
import type { LabelStore } from './labelStore';

/** Label views for rows of a dataset, and whether a dataset is annotated at all. */
export class RowLabels {
  constructor(
    private readonly labels: LabelStore,
    private readonly taxonomy: TaxonomyService,
    private readonly isRunning: (file: string) => boolean,
  ) {}

  /**
   * Whether `file` gets inline annotations: it has labels, or a run is on its way. Other JSON files (a
   * package.json, a never-labeled dataset) stay untouched and are never indexed.
   */
  async isAnnotated(file: string): Promise<boolean> {
    if (this.isRunning(file)) return true;
    return (await this.labels.forFile(file)).count > 0;
  }

  /** One view per assistant reply of `row`. */
  async viewsOf(file: string, row: IndexedItem): Promise<SampleView[]> {
    const [lookup, current] = await Promise.all([this.labels.forFile(file), this.taxonomy.currentKey()]);
    return rowSampleViews(row.samples, lookup, current);
  }
}
