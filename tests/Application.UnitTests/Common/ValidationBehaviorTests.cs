using Ecommerce.Application.Common.Behaviors;
using FluentValidation;

namespace Ecommerce.Application.UnitTests.Common;

public sealed class ValidationBehaviorTests
{
    private bool _handled;

    private ValueTask<Result<Success>> Next(CreateCategoryCommand message, CancellationToken cancellationToken)
    {
        _handled = true;
        return ValueTask.FromResult(Result<Success>.Success(Success.Instance));
    }

    [Fact]
    public async Task Failures_of_all_validators_become_one_validation_error_keyed_in_camel_case()
    {
        var extra = new InlineValidator<CreateCategoryCommand>();
        extra.RuleFor(command => command.Body.ParentId).NotNull().WithMessage("needed");
        var behavior = new ValidationBehavior<CreateCategoryCommand, Result<Success>>([new CreateCategoryValidator(new CategoryBodyValidator()), extra]);

        var result = await behavior.Handle(new CreateCategoryCommand(new CategoryBody(null, "Bad Slug", null)), Next, CancellationToken.None);

        Assert.False(_handled);
        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Equal(["name", "parentId", "slug"], result.Error!.Fields!.Keys.Order());
        Assert.Equal(["needed"], result.Error.Fields["parentId"]);
    }

    [Fact]
    public async Task A_valid_request_goes_on_to_the_handler()
    {
        var behavior = new ValidationBehavior<CreateCategoryCommand, Result<Success>>([new CreateCategoryValidator(new CategoryBodyValidator())]);

        var result = await behavior.Handle(new CreateCategoryCommand(new CategoryBody("Phones", null, null)), Next, CancellationToken.None);

        Assert.True(_handled);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task A_nested_field_is_reported_under_the_name_clients_send_it_by()
    {
        var behavior = new ValidationBehavior<ListProductsQuery, Result<Success>>([new ListProductsValidator()]);

        var result = await behavior.Handle(
            new ListProductsQuery(new ProductFilter(MinPrice: -1m), PageSize: 0),
            (_, _) => ValueTask.FromResult(Result<Success>.Success(Success.Instance)),
            CancellationToken.None);

        Assert.Equal(["minPrice", "pageSize"], result.Error!.Fields!.Keys.Order());
    }
}
