namespace Ecommerce.Application.UnitTests.Common;

internal static class UnitsOfWork
{
    /// <summary>A unit of work whose every save succeeds; a test checks with <c>Received</c> that the handler saved.</summary>
    public static IUnitOfWork ThatSaves()
    {
        var unitOfWork = Substitute.For<IUnitOfWork>();
        unitOfWork.SaveChangesAsync(Arg.Any<CancellationToken>()).Returns(SaveOutcome.Saved);
        return unitOfWork;
    }
}
