using Ecommerce.Application.Common.Behaviors;
using Ecommerce.Application.Common.Rules;

namespace Ecommerce.Application.UnitTests.Common;

/// <summary>The handler's save outcomes are scripted; the behavior decides which failures run the command again.</summary>
public sealed class RetryLostRacesBehaviorTests
{
    private static readonly CreateCategoryCommand GeneratedSlug = new(new CategoryBody("Phones", null, null));
    private static readonly CreateCategoryCommand ExplicitSlug = new(new CategoryBody("Phones", "phones", null));

    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly RetryLostRacesBehavior<CreateCategoryCommand, Result<Success>> _create;
    private readonly RetryLostRacesBehavior<DeleteCategoryCommand, Result<Success>> _delete;
    private readonly Queue<SaveOutcome> _saves = new();
    private int _handled;

    public RetryLostRacesBehaviorTests()
    {
        _create = new(_unitOfWork);
        _delete = new(_unitOfWork);
    }

    /// <summary>A handler that saves and maps the outcome as the catalog's handlers do; after the script, every save succeeds.</summary>
    private ValueTask<Result<Success>> SavesAsScripted<TMessage>(TMessage message, CancellationToken cancellationToken)
    {
        _handled++;
        var outcome = _saves.TryDequeue(out var next) ? next : SaveOutcome.Saved;
        return ValueTask.FromResult(outcome.IsSaved ? Result<Success>.Success(Success.Instance) : outcome.ToError("Category"));
    }

    private void Script(params SaveOutcome[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _saves.Enqueue(outcome);
        }
    }

    [Fact]
    public async Task A_successful_command_runs_once_and_keeps_its_changes()
    {
        var result = await _create.Handle(GeneratedSlug, SavesAsScripted, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, _handled);
        _unitOfWork.DidNotReceive().DiscardChanges();
    }

    [Fact]
    public async Task A_failed_command_runs_once_and_its_unsaved_changes_are_discarded()
    {
        var result = await _create.Handle(
            GeneratedSlug,
            (_, _) =>
            {
                _handled++;
                return ValueTask.FromResult(Result<Success>.Failure(Error.NotFound("Category")));
            },
            CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        Assert.Equal(1, _handled);
        _unitOfWork.Received(1).DiscardChanges();
    }

    [Fact]
    public async Task A_generated_slug_lost_to_a_race_is_picked_again()
    {
        Script(SaveOutcome.UniqueViolation);

        var result = await _create.Handle(GeneratedSlug, SavesAsScripted, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _handled);
        _unitOfWork.Received(1).DiscardChanges();
    }

    [Fact]
    public async Task An_explicit_slug_lost_to_a_race_is_a_conflict_on_the_slug()
    {
        Script(SaveOutcome.UniqueViolation);

        var result = await _create.Handle(ExplicitSlug, SavesAsScripted, CancellationToken.None);

        Assert.Equal("Category.SlugTaken", result.Error?.Code);
        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task A_rule_the_database_enforced_is_reported_as_that_rule_and_not_retried()
    {
        Script(SaveOutcome.Broke(CatalogRule.ParentIsActive));

        var result = await _create.Handle(GeneratedSlug, SavesAsScripted, CancellationToken.None);

        Assert.Equal(CatalogRuleErrors.For(CatalogRule.ParentIsActive).Code, result.Error?.Code);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt()
    {
        Script([.. Enumerable.Repeat(SaveOutcome.UniqueViolation, 100)]);

        var result = await _create.Handle(GeneratedSlug, SavesAsScripted, CancellationToken.None);

        Assert.Equal("Category.SlugTaken", result.Error?.Code);
        Assert.Equal(RetryLostRacesBehavior<CreateCategoryCommand, Result<Success>>.MaxAttempts, _handled);
    }

    [Fact]
    public async Task A_row_changed_under_a_conditional_write_fails_the_precondition()
    {
        Script(SaveOutcome.StaleRow);

        var result = await _delete.Handle(new DeleteCategoryCommand(1, VersionPrecondition.OneOf([3])), SavesAsScripted, CancellationToken.None);

        Assert.Equal(ErrorKind.PreconditionFailed, result.Error?.Kind);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task A_row_changed_under_an_unconditional_write_is_written_again()
    {
        Script(SaveOutcome.StaleRow);

        var result = await _delete.Handle(new DeleteCategoryCommand(1, null), SavesAsScripted, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _handled);
    }
}
