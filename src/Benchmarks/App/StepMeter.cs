using System.Globalization;
using System.Text;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Storage requests by step of one case. A step is an engine work item (an orchestration episode, an
/// activity by name) or an HTTP request the benchmark makes; it is charged every request of the app and
/// of the engine from its start to the start of the next step — so its in-line requests, the engine's
/// commit after it (DTFx writes history and sends messages after the middleware returns) and any poll
/// or lease renewal that falls in between. One case runs at a time, so steps follow one another.
/// </summary>
public sealed class StepMeter
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, (long App, long Engine, int Times)> _steps = new(StringComparer.Ordinal);
    private BenchApp? _app;
    private string? _current;
    private (long App, long Engine) _startedAt;

    /// <summary>Starts recording on <paramref name="app"/>'s counters (after set-up).</summary>
    public void Start(BenchApp app)
    {
        lock (_gate)
        {
            _app = app;
            _current = null;
        }
    }

    /// <summary>Closes the current step and opens <paramref name="name"/>.</summary>
    public void Begin(string name)
    {
        lock (_gate)
        {
            if (_app is null)
            {
                return;
            }

            Close();
            _current = name;
            _startedAt = (_app.Requests.Total, _app.EngineRequests.Total);
        }
    }

    /// <summary>Closes the current step and stops recording.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            Close();
            _app = null;
        }
    }

    /// <summary>The requests of all recorded steps: (app, engine).</summary>
    public (long App, long Engine) Total
    {
        get
        {
            lock (_gate)
            {
                return (_steps.Values.Sum(s => s.App), _steps.Values.Sum(s => s.Engine));
            }
        }
    }

    /// <summary>"step ×n total (app a + engine e)", in the order first seen.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        lock (_gate)
        {
            foreach (var name in _order)
            {
                var (app, engine, times) = _steps[name];
                text.Append(CultureInfo.InvariantCulture, $"{name}{(times > 1 ? $" ×{times}" : string.Empty)} {app + engine} (app {app} + engine {engine}); ");
            }
        }

        return text.ToString().TrimEnd(' ', ';');
    }

    private void Close()
    {
        if (_current is not { } name || _app is not { } app)
        {
            return;
        }

        var (appDelta, engineDelta) = (app.Requests.Total - _startedAt.App, app.EngineRequests.Total - _startedAt.Engine);
        if (!_steps.ContainsKey(name))
        {
            _order.Add(name);
        }

        _steps[name] = _steps.TryGetValue(name, out var old) ? (old.App + appDelta, old.Engine + engineDelta, old.Times + 1) : (appDelta, engineDelta, 1);
        _current = null;
    }
}
