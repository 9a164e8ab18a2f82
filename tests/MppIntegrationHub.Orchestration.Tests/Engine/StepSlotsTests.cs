using MppIntegrationHub.Orchestration.Engine;

namespace MppIntegrationHub.Orchestration.Tests.Engine;

public sealed class StepSlotsTests
{
    [Fact]
    public async Task RunAsync_AttemptGivesItsSlotBackEarly_NextAttemptStartsWhileTheFirstStillRuns()
    {
        using var slots = new StepSlots(1);
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // As an attempt does once its agency answered: the slot goes back, the attempt waits for its commit.
        var first = slots.RunAsync(async slot =>
        {
            slot.Dispose();
            await firstMayEnd.Task;
        }, CancellationToken.None);
        var second = slots.RunAsync(_ => Task.CompletedTask, CancellationToken.None);

        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(first.IsCompleted);
        firstMayEnd.SetResult();
        await first;
    }

    [Fact]
    public async Task RunAsync_SlotGivenBackTwice_StillOnlyOneSlot()
    {
        using var slots = new StepSlots(1);
        var holderMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await slots.RunAsync(slot =>
        {
            slot.Dispose();
            slot.Dispose();
            return Task.CompletedTask;
        }, CancellationToken.None);

        var holder = slots.RunAsync(_ => holderMayEnd.Task, CancellationToken.None);
        using var waiting = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slots.RunAsync(_ => Task.CompletedTask, waiting.Token));

        holderMayEnd.SetResult();
        await holder;
    }
}
