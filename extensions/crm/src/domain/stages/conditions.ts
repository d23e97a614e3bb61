// Stage rules are written in the segment rule language with the same catalogue, `referrals` included
// (domain/segments/referrals.ts), so a condition means the same in a stage rule and in a segment.
import { ConditionRegistry, type ConditionSpec } from '../segments/condition-registry';
import { SEGMENT_CONDITION_SPECS } from '../segments/builtin-condition-specs';

export const stageConditionSpecs = new ConditionRegistry<ConditionSpec>(SEGMENT_CONDITION_SPECS);
