# Bad input is an ErrorRecord with a stable ErrorId, the right category, an exception of the type that
# category means and a message that says what was expected and what came: never a bare .NET exception.
# A problem with one piped item is non-terminating; the other items go on. Each cmdlet's own errors are in
# its <Verb-Noun>.Tests.ps1; this file holds the conventions they all follow.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
    $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99

}

Describe 'One bad item among many, the PowerShell way' {
    It 'writes a non-terminating error for the network that does not fit, and runs the one that does' {
        $wide = New-BackpropNetwork -LayerSize 3, 2 -Seed 1
        $out = $net, $wide | Invoke-BackpropForward -Input 1, 2, 3 -ErrorVariable problems -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $out.Network.Shape | Should -Be '3-2'
        $problems.Count | Should -Be 1
        $problems[0] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $problems[0].FullyQualifiedErrorId | Should -Be 'InputSizeMismatch,BackpropPS.Commands.InvokeBackpropForwardCommand'
        $problems[0].TargetObject | Should -Be '1', '2', '3'
    }

    It 'says nothing with -ErrorAction Ignore, and sets $? to false' {
        $out = $net | Invoke-BackpropForward -Input 1, 2, 3 -ErrorAction Ignore
        $? | Should -BeFalse
        $out | Should -BeNullOrEmpty
    }

    It 'stops with -ErrorAction Stop, with the record itself in the catch block' {
        $caught = $null
        try { $grad | Update-BackpropNetwork -LearningRate -1 -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -Be 'InvalidLearningRate,BackpropPS.Commands.UpdateBackpropNetworkCommand'
    }

    It 'carries an exception of the type its category means' {
        $e = Get-ErrorRecord { $net | Invoke-BackpropForward -Input 1, 2, 3 } 'InputSizeMismatch' 'InvalidArgument'
        $e.Exception | Should -BeOfType ([System.ArgumentException])
        $e = Get-ErrorRecord { $fwd | Get-BackpropGradient -Target 0, 1 -Loss CrossEntropy } 'LossActivationMismatch' 'InvalidOperation'
        $e.Exception | Should -BeOfType ([System.InvalidOperationException])
        $e.Exception.InnerException.ErrorId | Should -Be 'LossActivationMismatch'
    }
}
