export { verifyUpdate, compareFields, type VerifyResult, type Mismatch, type SendRequest } from "./verifyUpdate";
export { updateTargetOf, type SentField, type UpdateTarget } from "./updateTarget";
export { sameStoredValue } from "./valueComparison";
