using Lectures.Grading.Sandbox;
using Lectures.Grading.Worker;

namespace Lectures.Tests.Grading.Worker;

/// <summary>The worker's record of a cell's checks: only its own sites count, each once.</summary>
public class CheckRecorderTests
{
    [Fact]
    public void A_site_called_again_and_again_is_one_check_worth_its_largest_points()
    {
        var recorder = new CheckRecorder();
        recorder.Begin(["a", "b"]);
        for (var i = 0; i < 100; i++) recorder.Record("b", true, 1, $"call {i}");
        recorder.Record("b", true, 2, "bigger");
        AssertEnded(recorder, [new CheckResult(2, 2, true, "call 0")], strays: 0);
    }

    [Fact]
    public void A_site_holds_only_when_every_call_held_and_keeps_the_first_failure()
    {
        var recorder = new CheckRecorder();
        recorder.Begin(["a"]);
        recorder.Record("a", true, 1, "n = 0");
        recorder.Record("a", false, 1, "n = 1");
        recorder.Record("a", false, 1, "n = 2");
        recorder.Record("a", true, 1, "n = 3");
        AssertEnded(recorder, [new CheckResult(1, 1, false, "n = 1")], strays: 0);
    }

    [Fact]
    public void Unknown_sites_other_cells_sites_and_plain_calls_are_stray_and_earn_nothing()
    {
        var recorder = new CheckRecorder();
        recorder.Begin(["first"]);
        recorder.End();
        recorder.Begin(["second"]);
        recorder.Record("first", true, 100, "a site of the cell before");
        recorder.Record("guess", true, 100, "a made-up site");
        recorder.Stray();
        AssertEnded(recorder, [], strays: 3);
        // A cell without checks records none, and the calls made in it are stray too.
        recorder.Begin(null);
        recorder.Record("second", true, 1, "after its cell ended");
        var (checks, strays) = recorder.End();
        Assert.Null(checks);
        Assert.Equal(1, strays);
    }

    static void AssertEnded(CheckRecorder recorder, CheckResult[] checks, int strays)
    {
        var ended = recorder.End();
        Assert.Equal(checks, ended.Checks);
        Assert.Equal(strays, ended.Strays);
    }
}
