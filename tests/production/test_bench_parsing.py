"""The benchmark reads wrk's report right: a misread figure would make every ratio wrong."""

from bench.load import combine, parse

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:40000/statement/sign/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   496.50ms  120.00ms   1.34s    70.00%
    Req/Sec    15.00      5.00    30.00     65.00%
  Latency Distribution
     50%  496.50ms
     75%  600.00ms
     90%  800.00ms
     99%    1.34s
  296 requests in 10.05s, 1.20MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 4
Requests/sec:     29.45
Transfer/sec:    122.00KB
STATUS 302 292
STATUS 429 4
""".replace("1.34s\n", "1.34s \n")  # wrk pads some latency lines with a space


def test_wrk_report_is_read_with_statuses_latency_and_errors():
    run = parse("signing", WRK_OUTPUT)

    assert (run.requests, run.seconds, run.rate) == (296, 10.05, 29.45)
    assert run.latency_p50_ms == 496.5
    assert run.latency_p99_ms == 1340.0
    assert run.socket_errors == 3
    assert run.non_2xx_3xx == 4
    assert run.statuses == {302: 292, 429: 4}
    assert run.repeats == 0


def test_rounds_combine_into_one_rate_over_all_requests_and_seconds():
    first, second = parse("page", WRK_OUTPUT), parse("page", WRK_OUTPUT.replace("296 requests", "104 requests"))

    total = combine([first, second])

    assert total.requests == 400
    assert round(total.rate, 2) == round(400 / 20.1, 2)
    assert total.statuses == {302: 584, 429: 8}
