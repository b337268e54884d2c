// Every table that holds one app's rows, keyed by "appId" first (see prisma/models.prisma), with the rest of its
// primary key. Deleting an app empties exactly these, a slice at a time along the key. The list is written out
// rather than found in the schema at run time; tests/integration/scale-out.test.ts fails when a table with an
// "appId" column is missing here or its key differs.
export interface PerAppTable {
  table: string;
  /** The primary key's columns after "appId". */
  rest: readonly string[];
}

export const PER_APP_TABLES: readonly PerAppTable[] = [
  { table: "AlertChannel", rest: ["id"] },
  { table: "AlertDelivery", rest: ["id"] },
  { table: "AlertEvent", rest: ["id"] },
  { table: "AlertRule", rest: ["id"] },
  { table: "AppDayBin", rest: ["minute", "envId", "kind", "bin"] },
  { table: "AppHourBin", rest: ["minute", "envId", "kind", "bin"] },
  { table: "AppSpec", rest: ["envId"] },
  { table: "Consumer", rest: ["id"] },
  { table: "ConsumerDayRollup", rest: ["minute", "envId", "consumerId", "statusCode"] },
  { table: "ConsumerGroup", rest: ["id"] },
  { table: "ConsumerHourRollup", rest: ["minute", "envId", "consumerId", "statusCode"] },
  { table: "Endpoint", rest: ["id"] },
  { table: "EndpointDayBin", rest: ["minute", "envId", "endpointId", "statusCode", "kind", "bin"] },
  { table: "EndpointDayRollup", rest: ["minute", "envId", "endpointId", "statusCode"] },
  { table: "EndpointHourBin", rest: ["minute", "envId", "endpointId", "statusCode", "kind", "bin"] },
  { table: "EndpointHourRollup", rest: ["minute", "envId", "endpointId", "statusCode"] },
  { table: "Environment", rest: ["id"] },
  { table: "ErrorDayRollup", rest: ["minute", "envId", "endpointId", "consumerId", "statusCode"] },
  { table: "ErrorHourRollup", rest: ["minute", "envId", "endpointId", "consumerId", "statusCode"] },
  { table: "HealthCheck", rest: ["envId"] },
  { table: "HealthCheckResult", rest: ["envId", "ts"] },
  { table: "Incident", rest: ["id"] },
  { table: "IngestReceipt", rest: ["kind", "uuid"] },
  { table: "Instance", rest: ["uuid"] },
  { table: "RequestAppLog", rest: ["requestUuid", "id"] },
  { table: "RequestDayRollup", rest: ["minute", "envId", "endpointId", "consumerId", "statusCode"] },
  { table: "RequestLog", rest: ["uuid"] },
  { table: "RequestLogFile", rest: ["fileUuid"] },
  { table: "RequestRollup", rest: ["minute", "envId", "endpointId", "consumerId", "statusCode"] },
  { table: "ResourceSample", rest: ["instanceUuid", "ts"] },
  { table: "RollupBin", rest: ["minute", "envId", "endpointId", "consumerId", "statusCode", "kind", "bin"] },
  { table: "ServerError", rest: ["id"] },
  { table: "ServerErrorRollup", rest: ["minute", "envId", "errorId", "consumerId"] },
  { table: "ValidationError", rest: ["id"] },
  { table: "ValidationErrorRollup", rest: ["minute", "envId", "errorId", "consumerId"] },
];
