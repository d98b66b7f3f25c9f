using TgeSwarm.Silo.Api.Errors;

namespace TgeSwarm.Silo.Tests.Api;

public sealed class ApiExceptionFilterTests
{
    [Fact]
    public void The_field_is_the_parameter_name_in_camel_case()
    {
        Assert.Equal("limit", ApiExceptionFilter.FieldOf(new ArgumentOutOfRangeException("Limit", "Limit must be 1..500.")));
    }

    [Fact]
    public void An_exception_rebuilt_from_a_remote_grain_without_its_parameter_name_is_read_from_the_message()
    {
        // What the runtime rebuilds from a remote ArgumentException: type and message, no ParamName.
        var rebuilt = new ArgumentException("Cursor is not a cursor this store issued. (Parameter 'Cursor')", innerException: null);

        Assert.Null(rebuilt.ParamName);
        Assert.Equal("cursor", ApiExceptionFilter.FieldOf(rebuilt));
    }

    [Fact]
    public void Without_any_name_the_field_is_request()
    {
        Assert.Equal("request", ApiExceptionFilter.FieldOf(new ArgumentException("Something is off.")));
    }
}
