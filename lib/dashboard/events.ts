// TipEvent types written by the queue and tip workspace when an officer claims or closes a tip;
// the officers' table counts them (and the rollup triggers watch them, ADR 0520).
export const CLAIM_EVENT = "claimed";
export const CLOSE_EVENT = "closed";
