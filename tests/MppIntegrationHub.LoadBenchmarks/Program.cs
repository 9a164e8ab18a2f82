using MppIntegrationHub.LoadBenchmarks;

// benchmarks/hub-overhead.sh and benchmarks/fan-out.sh drive these tools; each can run alone:
//   stub-agency --port 5191 [--delay-ms 0]
//   forwarding-proxy --port 5192 --target http://127.0.0.1:5191/dukcapil/get_json/BENCH/CALL_VERIFY_BY_ELEMEN[,URL...]
//   fixed-rate --url http://127.0.0.1:5180/api/v1/identity/verifications --rate 500 --seconds 20 [--body body.json: POST, else GET] [--token T]
return args switch
{
    ["stub-agency", .. var rest] => await StubAgency.RunAsync(Arguments.Parse(rest)),
    ["forwarding-proxy", .. var rest] => await ForwardingProxy.RunAsync(Arguments.Parse(rest)),
    ["fixed-rate", .. var rest] => await FixedRateDriver.RunAsync(Arguments.Parse(rest)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: stub-agency --port P [--delay-ms D] | forwarding-proxy --port P --target URL[,URL...] | fixed-rate --url U --rate R --seconds S [--body FILE] [--token T] [--warmup-seconds W]");
    return 2;
}
