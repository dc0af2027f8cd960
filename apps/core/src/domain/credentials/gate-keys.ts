/** The hash gate's keys: one attempt per customer and purpose in flight (issue 12). */
export const gateKeys = {
  execution: (customerId: string) => `execution:${customerId}`,
  passwordChange: (customerId: string) => `password-change:${customerId}`,
  login: (customerCode: string) => `login:${customerCode}`,
};
