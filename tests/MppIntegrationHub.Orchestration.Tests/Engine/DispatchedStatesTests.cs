using MppIntegrationHub.Contracts.Applications;
using MppIntegrationHub.Orchestration.Engine;
using MppIntegrationHub.Orchestration.Persistence;

namespace MppIntegrationHub.Orchestration.Tests.Engine;

public sealed class DispatchedStatesTests
{
    [Fact]
    public void Find_DispatchCurrentInTheCommittedState_ReturnsIt()
    {
        var states = new DispatchedStates();
        var dispatch = Guid.NewGuid();
        var app = Application(dispatch);

        states.Committed(app);

        Assert.Same(app, states.Find(app.Id, "verify", dispatch));
    }

    [Fact]
    public void Find_AnotherDispatchOfTheStep_ReturnsNothing()
    {
        var states = new DispatchedStates();
        var app = Application(Guid.NewGuid());
        states.Committed(app);

        var found = states.Find(app.Id, "verify", Guid.NewGuid());

        Assert.Null(found);
    }

    [Fact]
    public void Committed_NoStepRunningAnyMore_ForgetsTheApplication()
    {
        var states = new DispatchedStates();
        var dispatch = Guid.NewGuid();
        var app = Application(dispatch);
        states.Committed(app);
        var moved = app.Copy();
        moved.Steps[0].Status = StepStatus.Succeeded;

        states.Committed(moved);

        Assert.Null(states.Find(moved.Id, "verify", dispatch));
    }

    [Fact]
    public void Copy_ChangingTheCopy_LeavesTheSharedStateAsCommitted()
    {
        var states = new DispatchedStates();
        var dispatch = Guid.NewGuid();
        var app = Application(dispatch);
        states.Committed(app);

        var copy = states.Find(app.Id, "verify", dispatch)!.Copy();
        copy.Revision++;
        copy.Steps[0].Status = StepStatus.Succeeded;

        Assert.Equal(3, app.Revision);
        Assert.Equal(StepStatus.Running, app.Steps[0].Status);
        Assert.Same(app, states.Find(app.Id, "verify", dispatch));
    }

    [Fact]
    public void Committed_BeyondCapacity_OldestGoFirst()
    {
        var states = new DispatchedStates(capacity: 2);
        var dispatches = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var apps = dispatches.Select(d => Application(d)).ToArray();

        foreach (var app in apps)
        {
            states.Committed(app);
        }

        Assert.Null(states.Find(apps[0].Id, "verify", dispatches[0]));
        Assert.NotNull(states.Find(apps[1].Id, "verify", dispatches[1]));
        Assert.NotNull(states.Find(apps[2].Id, "verify", dispatches[2]));
    }

    [Fact]
    public void Forget_AfterAFailedCommit_NothingIsFound()
    {
        var states = new DispatchedStates();
        var dispatch = Guid.NewGuid();
        var app = Application(dispatch);
        states.Committed(app);

        states.Forget(app.Id);

        Assert.Null(states.Find(app.Id, "verify", dispatch));
    }

    [Fact]
    public async Task Count_ConcurrentCommitsReplacesAndForgets_MatchesTheApplicationsKept()
    {
        var states = new DispatchedStates(capacity: 64);
        var dispatches = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        var apps = dispatches.Select(Application).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var round = 0; round < 50; round++)
            {
                for (var i = worker; i < apps.Length; i += 2)
                {
                    states.Committed(apps[i]);
                    if ((i + round) % 3 == 0)
                    {
                        states.Forget(apps[i].Id);
                    }
                }
            }
        })));

        var kept = apps.Count(a => states.Find(a.Id, "verify", a.Steps[0].DispatchId!.Value) is not null);
        Assert.Equal(kept, states.Count);
        Assert.InRange(states.Count, 1, 64);
    }

    private static WorkflowInstance Application(Guid dispatch)
    {
        var id = Guid.NewGuid();
        return new WorkflowInstance
        {
            Id = id,
            ServiceCode = "KTP",
            ClientId = "portal",
            Nik = "3273015708900003",
            InputsJson = "{}",
            Status = ApplicationStatus.Running,
            Revision = 3,
            Steps =
            [
                new WorkflowStepState { ApplicationId = id, StepId = "verify", Capability = "population.identity.verify", Status = StepStatus.Running, DispatchId = dispatch },
                new WorkflowStepState { ApplicationId = id, StepId = "request", Capability = "population.document.request", Status = StepStatus.Pending },
            ],
        };
    }
}
