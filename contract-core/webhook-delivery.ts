// How long a webhook delivery waits, and when it is tried again: what the sandbox does and what the
// receiver check expects of a receiver. PAY.JP does not publish a timeout or a retry schedule for v2 (its v1
// webhook page says only that deliveries can fail to arrive or arrive more than once); both are our
// inference, chosen to be ordinary for a payment API: a receiver has seconds to acknowledge, and retries
// back off from a minute to hours so that a receiver down for an afternoon still gets the event.

/** An attempt that gets no answer within this time counts as failed (our inference). */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** Waits before each retry of a failed delivery, in seconds: 5 retries after the first attempt (our inference). */
export const RETRY_SCHEDULE_S: readonly number[] = [60, 300, 1_800, 7_200, 21_600];
