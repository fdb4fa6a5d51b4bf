/** 1,000 records of a few kB each: the batch-size limit (MAX_BATCH_RECORDS) answers first for ordinary records. */
export const INBOUND_MAX_BODY_BYTES = 10 * 1024 * 1024;
