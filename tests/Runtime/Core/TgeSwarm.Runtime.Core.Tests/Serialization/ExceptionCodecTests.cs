using System.Runtime.CompilerServices;
using TgeSwarm.Runtime.Tests.Serialization.Contracts;

namespace TgeSwarm.Runtime.Tests.Serialization;

public sealed class ExceptionCodecTests
{
    private readonly SwarmSerializer _serializer = TestSerializers.Create();

    [Fact]
    public void An_exception_keeps_its_type_message_inner_exception_and_remote_stack()
    {
        var thrown = Catch(() => ThrowFromGrainMethod());

        var copy = _serializer.RoundTrip<Exception>(thrown);

        var rebuilt = Assert.IsType<InvalidOperationException>(copy);
        Assert.Equal("counter overflow", rebuilt.Message);
        Assert.IsType<ArgumentOutOfRangeException>(rebuilt.InnerException);
        Assert.Contains(nameof(ThrowFromGrainMethod), rebuilt.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void The_remote_stack_stays_in_front_of_the_callers_stack_when_rethrown()
    {
        var copy = _serializer.RoundTrip<Exception>(Catch(() => ThrowFromGrainMethod()));

        var rethrown = Catch(() => throw copy);

        var trace = rethrown.StackTrace!;
        Assert.True(trace.IndexOf(nameof(ThrowFromGrainMethod), StringComparison.Ordinal) < trace.IndexOf(nameof(Catch), StringComparison.Ordinal), trace);
    }

    [Fact]
    public void An_exception_without_a_message_constructor_becomes_a_swarm_exception_naming_it()
    {
        var copy = _serializer.RoundTrip<Exception>(new NoMessageConstructorException());

        var swarm = Assert.IsType<SwarmException>(copy);
        Assert.Contains(typeof(NoMessageConstructorException).FullName!, swarm.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_member_of_a_generated_type_round_trips()
    {
        var copy = _serializer.RoundTrip(new Holder { Failure = new TimeoutException("slow") });

        Assert.Equal("slow", Assert.IsType<TimeoutException>(copy.Failure).Message);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFromGrainMethod() =>
        throw new InvalidOperationException("counter overflow", new ArgumentOutOfRangeException("amount"));

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

    private sealed class NoMessageConstructorException : Exception
    {
        public override string Message => "fixed";
    }
}
