package io.latchkey.bench;

/**
 * One measured operation at one data scale.
 *
 * @param appCpuMsPerRequest    CPU of the server JVM per request
 * @param storesCpuMsPerRequest CPU of PostgreSQL and Redis per request
 * @param machineCpuMsPerRequest CPU of the whole machine per request (both apps, the stores, wrk, the kernel)
 * @param verdict               how the row compares with its target
 */
record Row(String scale, String key, String operation, String server, long requests, double requestsPerSecond,
        double p50Millis, double p99Millis, long errors, double appCpuMsPerRequest, double storesCpuMsPerRequest,
        double machineCpuMsPerRequest,
        String target, String verdict, String firstWrongAnswer) {

    Row withVerdict(String verdict) {
        return new Row(this.scale, this.key, this.operation, this.server, this.requests, this.requestsPerSecond,
                this.p50Millis, this.p99Millis, this.errors, this.appCpuMsPerRequest, this.storesCpuMsPerRequest,
                this.machineCpuMsPerRequest, this.target, verdict, this.firstWrongAnswer);
    }
}
