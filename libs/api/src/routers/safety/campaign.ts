import { sql, type SQL } from 'drizzle-orm';
import { tables } from '@hyedu/db';
import { CAMPAIGN_TOPICS } from '@hyedu/domain';

const literal = (topics: readonly string[]) => sql.raw(`array[${topics.map((t) => `'${t}'`).join(',')}]::text[]`);
/** 校车安全 is the one campaign topic that applies only to some schools (the domain's campaignTopicsFor). */
const everyTopic = literal(CAMPAIGN_TOPICS);
const withoutBus = literal(CAMPAIGN_TOPICS.filter((t) => t !== 'school_bus'));

/**
 * The domain's coversCampaign in SQL, built from its constants (tested against it on both engines on the same rows):
 * a school covers the campaign when the topics it held (`topics`, a text[] of the rolling year; null when it held
 * none) include every campaign topic that applies to it — 校车安全 only where the school runs buses.
 */
export const coversCampaignSql = (topics: SQL | SQL.Aliased | unknown): SQL =>
  sql`coalesce(${topics} @> (case when ${tables.schools.runsBuses} then ${everyTopic} else ${withoutBus} end), false)`;
