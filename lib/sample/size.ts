/** What the sample book holds by default — said to the user before loading it. */
export const SAMPLE_GENERATED = 2400;
export const SAMPLE_STORIES = 6;
