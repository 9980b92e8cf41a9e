export function supervisorCode(env: NodeJS.ProcessEnv): string;
