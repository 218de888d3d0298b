using Ecommerce.Application.Common.Slugs;

namespace Ecommerce.Application.UnitTests.Common;

public sealed class SlugAndPreconditionTests
{
    [Theory]
    [InlineData(new string[0], "phone")]
    [InlineData(new[] { "phone" }, "phone-2")]
    [InlineData(new[] { "phone", "phone-2", "phone-3" }, "phone-4")]
    [InlineData(new[] { "phone", "phone-3" }, "phone-2")]
    [InlineData(new[] { "phone-2" }, "phone")]
    public void The_first_free_slug_fills_the_lowest_gap(string[] taken, string expected) =>
        Assert.Equal(expected, SlugAllocator.FirstFree(Slug.From("phone"), taken.ToHashSet()).Value);

    [Fact]
    public void Preconditions_match_listed_versions_or_any()
    {
        Assert.True(VersionPrecondition.OneOf([3, 5]).IsSatisfiedBy(5));
        Assert.False(VersionPrecondition.OneOf([3, 5]).IsSatisfiedBy(4));
        Assert.True(VersionPrecondition.Any.IsSatisfiedBy(4));
        Assert.False(VersionPrecondition.None.IsSatisfiedBy(0));
    }
}
