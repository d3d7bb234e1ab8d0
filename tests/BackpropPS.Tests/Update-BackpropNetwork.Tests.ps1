# Update-BackpropNetwork: the learning rates it refuses and an update that would overflow the weights.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
    $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99
}

Describe 'Errors from Update-BackpropNetwork' {
    It 'rejects the learning rate <Rate>' -TestCases @(
        @{ Rate = 0 }, @{ Rate = -0.5 }, @{ Rate = [double]::NaN }, @{ Rate = [double]::PositiveInfinity }
    ) {
        param($Rate)
        $e = Get-ErrorRecord { $grad | Update-BackpropNetwork -LearningRate $Rate } 'InvalidLearningRate' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*positive finite number*'
    }

    It 'refuses an update that overflows the weights' {
        $line = New-BackpropNetwork -Weight @(, @(, 0.5)) -Bias @(, @(, 0.1)) -Activation Linear
        $grad = $line | Invoke-BackpropForward -Input 2 | Get-BackpropGradient -Target -1000
        $e = Get-ErrorRecord { $grad | Update-BackpropNetwork -LearningRate 1.7e308 } 'NonFiniteStep' 'InvalidOperation'
        $e.Exception.Message | Should -BeLike '*w1_11 -infinite*'
    }
}
