import { z } from 'zod';
import { loyaltySchemes } from './loyalty-types';
import * as s from './schemas';

/** The whole loyalty setting, sent as one (store.update's `loyalty`); the ledger checks the category. */
export const loyaltySettings = z
  .object({
    scheme: z.enum(loyaltySchemes),
    categoryId: s.id.nullable(),
    stampsEvery: z
      .number({ error: 'errors.field.loyaltyEvery' })
      .int('errors.field.loyaltyEvery')
      .min(2, 'errors.field.loyaltyEvery')
      .max(100, 'errors.field.loyaltyEvery'),
    /** Spend this much for one point. */
    pointsSpendMinor: s.positiveAmount,
    /** What one point takes off a tab. */
    pointValueMinor: s.positiveAmount,
    pointsMin: z
      .number({ error: 'errors.field.loyaltyPointsMin' })
      .int('errors.field.loyaltyPointsMin')
      .min(1, 'errors.field.loyaltyPointsMin')
      .max(1_000_000, 'errors.field.loyaltyPointsMin'),
  })
  .strict();
