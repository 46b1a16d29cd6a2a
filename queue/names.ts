/** Queue names: reports, and the patients queue whose flow parents classify a patient. */
export const patientsQueueName = (queue: string): string => `${queue}-patients`;
