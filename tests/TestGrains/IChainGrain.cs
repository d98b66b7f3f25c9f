namespace TgeSwarm.TestGrains;

/// <summary>Calls along a chain of grains, to make call cycles.</summary>
public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls <paramref name="path"/>[0] with the rest of the path; the last grain answers with its key.</summary>
    Task<string> CallAlongAsync(string[] path, bool allowReentrancy);

    /// <summary>
    /// Tells <paramref name="other"/> one-way to call back here (<see cref="CallBackAsync"/>), then keeps this turn
    /// running until the call back has been sent (gate <paramref name="gate"/>).
    /// </summary>
    Task NotifyAndWaitAsync(string other, string gate);

    /// <summary>Calls <paramref name="caller"/>, opens gate <paramref name="gate"/> once sent, and records the answer (or the error's type) under it.</summary>
    [OneWay]
    Task CallBackAsync(string caller, string gate);
}
