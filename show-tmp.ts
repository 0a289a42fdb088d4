import { loadTaxonomy } from '/work/main/src/core/taxonomy/load';
import { systemPrompt, buildMessages } from '/work/main/src/core/labeling/prompts';
(async () => {
  const { taxonomy, problems } = await loadTaxonomy();
  if (!taxonomy) { console.log(problems); return; }
  const p1 = systemPrompt(taxonomy, 1), p2 = systemPrompt(taxonomy, 2);
  console.log(p1.length, p2.length);
  console.log(p1);
  console.log('=================');
  console.log(p2);
})();
