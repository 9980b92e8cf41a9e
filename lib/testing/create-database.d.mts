export function createDatabaseIfMissing(url: string): Promise<void>;
