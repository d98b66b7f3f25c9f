namespace TgeSwarm.Runtime.Tests.Serialization;

/// <summary>An argument exception from another process keeps its parameter name, and its message reads as thrown.</summary>
public sealed class ArgumentExceptionCodecTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void An_argument_exception_keeps_its_parameter_name_and_its_message_without_the_parameter_twice()
    {
        var thrown = Catch(() => throw new ArgumentException("symbol must be upper case", "symbol"));

        var rebuilt = Assert.IsType<ArgumentException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("symbol", rebuilt.ParamName);
        Assert.Equal("symbol must be upper case (Parameter 'symbol')", rebuilt.Message);
        Assert.Equal(thrown.Message, rebuilt.Message);
    }

    [Fact]
    public void An_argument_null_exception_from_a_throw_helper_keeps_its_parameter_name_and_default_message()
    {
        string? venue = null;
        var thrown = Catch(() => ArgumentNullException.ThrowIfNull(venue));

        var rebuilt = Assert.IsType<ArgumentNullException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("venue", rebuilt.ParamName);
        Assert.Equal(thrown.Message, rebuilt.Message);
    }

    [Fact]
    public void An_argument_out_of_range_exception_with_an_actual_value_keeps_its_parameter_name_and_the_value_line()
    {
        var depth = -3;
        var thrown = Catch(() => ArgumentOutOfRangeException.ThrowIfNegative(depth));

        var rebuilt = Assert.IsType<ArgumentOutOfRangeException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("depth", rebuilt.ParamName);
        Assert.Equal(thrown.Message, rebuilt.Message);
        Assert.Contains("-3", rebuilt.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_out_of_range_exception_with_a_message_and_no_actual_value_keeps_both()
    {
        var thrown = Catch(() => throw new ArgumentOutOfRangeException("period", "the period must be positive"));

        var rebuilt = Assert.IsType<ArgumentOutOfRangeException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("period", rebuilt.ParamName);
        Assert.Null(rebuilt.ActualValue);
        Assert.Equal("the period must be positive (Parameter 'period')", rebuilt.Message);
    }

    [Fact]
    public void An_argument_exception_with_an_inner_exception_keeps_the_parameter_name_and_the_inner_exception()
    {
        var thrown = Catch(() => throw new ArgumentException("not a price", "price", new FormatException("1,2.3")));

        var rebuilt = Assert.IsType<ArgumentException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("price", rebuilt.ParamName);
        Assert.Equal(thrown.Message, rebuilt.Message);
        Assert.Equal("1,2.3", Assert.IsType<FormatException>(rebuilt.InnerException).Message);
    }

    [Fact]
    public void An_argument_exception_without_a_parameter_name_keeps_its_message_and_has_none()
    {
        var thrown = Catch(() => throw new ArgumentException("bad request"));

        var rebuilt = Assert.IsType<ArgumentException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Null(rebuilt.ParamName);
        Assert.Equal("bad request", rebuilt.Message);
    }

    [Fact]
    public void A_subclass_with_a_message_and_parameter_name_constructor_keeps_its_parameter_name()
    {
        var thrown = Catch(() => throw new FieldException("too long", "name"));

        var rebuilt = Assert.IsType<FieldException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("name", rebuilt.ParamName);
        Assert.Equal(thrown.Message, rebuilt.Message);
    }

    [Fact]
    public void A_subclass_without_a_parameter_name_constructor_keeps_its_type_and_message_without_the_parameter_twice()
    {
        var thrown = Catch(() => throw new FixedFieldException("too short"));

        var rebuilt = Assert.IsType<FixedFieldException>(_serializer.RoundTrip<Exception>(thrown));

        Assert.Equal("too short (Parameter 'field')", rebuilt.Message);
        Assert.Equal("field", rebuilt.ParamName);
    }

    [Fact]
    public void A_rebuilt_argument_exception_keeps_the_remote_stack()
    {
        var thrown = Catch(() => ArgumentException.ThrowIfNullOrWhiteSpace(" "));

        var rebuilt = _serializer.RoundTrip<Exception>(thrown);

        Assert.Equal(thrown.Message, rebuilt.Message);
        Assert.Contains(nameof(A_rebuilt_argument_exception_keeps_the_remote_stack), rebuilt.StackTrace, StringComparison.Ordinal);
    }

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            return ex;
        }

        throw new InvalidOperationException("Nothing was thrown.");
    }

    private sealed class FieldException : ArgumentException
    {
        public FieldException(string message, string paramName)
            : base(message, paramName)
        {
        }
    }

    /// <summary>Always names "field", so only its (message) constructor can rebuild it.</summary>
    private sealed class FixedFieldException : ArgumentException
    {
        public FixedFieldException(string message)
            : base(message, "field")
        {
        }
    }
}
