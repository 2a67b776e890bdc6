// Every bundled knowledge file, imported so the build carries them (a new file is added here once).
import adherence from '../../resources/knowledge/adherence.json';
import beers2023Avoid from '../../resources/knowledge/beers-2023-avoid.json';
import beers2023Caution from '../../resources/knowledge/beers-2023-caution.json';
import beers2023Disease from '../../resources/knowledge/beers-2023-disease.json';
import beers2023Interactions from '../../resources/knowledge/beers-2023-interactions.json';
import beers2023Renal from '../../resources/knowledge/beers-2023-renal.json';
import careGaps from '../../resources/knowledge/care-gaps.json';
import doseLabels from '../../resources/knowledge/dose-labels.json';
import duplications from '../../resources/knowledge/duplications.json';
import groupsBeers from '../../resources/knowledge/groups-beers.json';
import groupsCore from '../../resources/knowledge/groups-core.json';
import groupsCyp from '../../resources/knowledge/groups-cyp.json';
import groupsQtSerotonin from '../../resources/knowledge/groups-qt-serotonin.json';
import interactionsBleeding from '../../resources/knowledge/interactions-bleeding.json';
import interactionsCns from '../../resources/knowledge/interactions-cns.json';
import interactionsCyp from '../../resources/knowledge/interactions-cyp.json';
import interactionsElectrolytes from '../../resources/knowledge/interactions-electrolytes.json';
import interactionsGlucose from '../../resources/knowledge/interactions-glucose.json';
import interactionsNti from '../../resources/knowledge/interactions-nti.json';
import interactionsOnc from '../../resources/knowledge/interactions-onc.json';
import interactionsQt from '../../resources/knowledge/interactions-qt.json';
import interactionsSerotonin from '../../resources/knowledge/interactions-serotonin.json';
import pharmacogenomics from '../../resources/knowledge/pharmacogenomics.json';
import renalLabels from '../../resources/knowledge/renal-labels.json';
import startV3 from '../../resources/knowledge/start-v3.json';
import stoppV3 from '../../resources/knowledge/stopp-v3.json';

export const BUNDLED_GROUP_FILES: Record<string, unknown> = {
  'groups-beers.json': groupsBeers,
  'groups-core.json': groupsCore,
  'groups-cyp.json': groupsCyp,
  'groups-qt-serotonin.json': groupsQtSerotonin,
};

export const BUNDLED_RULE_FILES: Record<string, unknown> = {
  'adherence.json': adherence,
  'beers-2023-avoid.json': beers2023Avoid,
  'beers-2023-caution.json': beers2023Caution,
  'beers-2023-disease.json': beers2023Disease,
  'beers-2023-interactions.json': beers2023Interactions,
  'beers-2023-renal.json': beers2023Renal,
  'care-gaps.json': careGaps,
  'dose-labels.json': doseLabels,
  'duplications.json': duplications,
  'interactions-bleeding.json': interactionsBleeding,
  'interactions-cns.json': interactionsCns,
  'interactions-cyp.json': interactionsCyp,
  'interactions-electrolytes.json': interactionsElectrolytes,
  'interactions-glucose.json': interactionsGlucose,
  'interactions-nti.json': interactionsNti,
  'interactions-onc.json': interactionsOnc,
  'interactions-qt.json': interactionsQt,
  'interactions-serotonin.json': interactionsSerotonin,
  'pharmacogenomics.json': pharmacogenomics,
  'renal-labels.json': renalLabels,
  'start-v3.json': startV3,
  'stopp-v3.json': stoppV3,
};
