using Ecommerce.Application.Abstractions;
using Ecommerce.Application.Categories;
using Ecommerce.Application.Common.Behaviors;
using Ecommerce.Application.Common.Concurrency;
using Ecommerce.Application.Common.Results;
using NSubstitute;

namespace Ecommerce.Application.UnitTests.Common;

public sealed class UnitOfWorkBehaviorTests
{
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly UnitOfWorkBehavior<CreateCategoryCommand, Result<Success>> _create;
    private readonly UnitOfWorkBehavior<DeleteCategoryCommand, Result<Success>> _delete;
    private int _handled;

    public UnitOfWorkBehaviorTests()
    {
        _create = new(_unitOfWork);
        _delete = new(_unitOfWork);
    }

    private ValueTask<Result<Success>> Succeeds<TMessage>(TMessage message, CancellationToken cancellationToken)
    {
        _handled++;
        return ValueTask.FromResult(Result<Success>.Success(Success.Instance));
    }

    [Fact]
    public async Task A_successful_command_is_saved_once()
    {
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.Saved);

        var result = await _create.Handle(new CreateCategoryCommand("Phones", null, null), Succeeds, CancellationToken.None);

        Assert.True(result.IsSuccess);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task The_unit_spans_the_whole_command_and_ends_after_the_save()
    {
        var unit = Substitute.For<IAsyncDisposable>();
        _unitOfWork.BeginAsync(Arg.Any<CancellationToken>()).Returns(unit);
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.Saved);

        await _create.Handle(new CreateCategoryCommand("Phones", null, null), Succeeds, CancellationToken.None);

        Received.InOrder(() =>
        {
            _unitOfWork.BeginAsync(Arg.Any<CancellationToken>());
            _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>());
            unit.DisposeAsync();
        });
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task A_failed_command_is_not_saved()
    {
        var result = await _create.Handle(
            new CreateCategoryCommand("Phones", null, null),
            (_, _) => ValueTask.FromResult(Result<Success>.Failure(Error.NotFound("Category"))),
            CancellationToken.None);

        Assert.Equal(ErrorKind.NotFound, result.Error?.Kind);
        await _unitOfWork.DidNotReceive().SaveChangesAsync(Arg.Any<CancellationToken>());
        _unitOfWork.Received(1).DiscardChanges();
    }

    [Fact]
    public async Task A_generated_slug_lost_to_a_race_is_picked_again()
    {
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.UniqueViolation, SaveOutcome.Saved);

        var result = await _create.Handle(new CreateCategoryCommand("Phones", null, null), Succeeds, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _handled);
        _unitOfWork.Received(1).DiscardChanges();
    }

    [Fact]
    public async Task An_explicit_slug_lost_to_a_race_is_a_conflict()
    {
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.UniqueViolation);

        var result = await _create.Handle(new CreateCategoryCommand("Phones", "phones", null), Succeeds, CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt()
    {
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.UniqueViolation);

        var result = await _create.Handle(new CreateCategoryCommand("Phones", null, null), Succeeds, CancellationToken.None);

        Assert.Equal(ErrorKind.Conflict, result.Error?.Kind);
        Assert.Equal(UnitOfWorkBehavior<CreateCategoryCommand, Result<Success>>.MaxAttempts, _handled);
    }

    [Fact]
    public async Task A_row_changed_under_a_conditional_write_fails_the_precondition()
    {
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.StaleRow);

        var result = await _delete.Handle(new DeleteCategoryCommand(1, VersionPrecondition.OneOf([3])), Succeeds, CancellationToken.None);

        Assert.Equal(ErrorKind.PreconditionFailed, result.Error?.Kind);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task A_row_changed_under_an_unconditional_write_is_written_again()
    {
        _unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.StaleRow, SaveOutcome.Saved);

        var result = await _delete.Handle(new DeleteCategoryCommand(1, null), Succeeds, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, _handled);
    }
}
