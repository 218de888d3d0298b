using Ecommerce.Application.Caching;

namespace Ecommerce.Application.UnitTests.Caching;

public sealed class ChangeFeedMemoryTests
{
    [Fact]
    public void A_value_is_current_only_at_the_position_it_was_read_at()
    {
        var memory = new ChangeFeedMemory<string, int>(capacity: 10);

        memory.Remember("a", 1, position: 5);

        Assert.True(memory.TryGet("a", 5, out var value));
        Assert.Equal(1, value);
        Assert.False(memory.TryGet("a", 6, out _));
        Assert.False(memory.TryGet("b", 5, out _));
    }

    [Fact]
    public void A_later_read_replaces_the_value_and_its_position()
    {
        var memory = new ChangeFeedMemory<string, int>(capacity: 10);

        memory.Remember("a", 1, position: 5);
        memory.Remember("a", 2, position: 6);

        Assert.True(memory.TryGet("a", 6, out var value));
        Assert.Equal(2, value);
        Assert.False(memory.TryGet("a", 5, out _));
    }

    [Fact]
    public void Past_its_capacity_it_starts_over_with_the_newest_value()
    {
        var memory = new ChangeFeedMemory<string, int>(capacity: 2);

        memory.Remember("a", 1, position: 5);
        memory.Remember("b", 2, position: 5);
        memory.Remember("a", 3, position: 6);
        memory.Remember("c", 4, position: 5);

        Assert.False(memory.TryGet("a", 6, out _));
        Assert.False(memory.TryGet("b", 5, out _));
        Assert.True(memory.TryGet("c", 5, out var value));
        Assert.Equal(4, value);
    }
}
