# Get-BackpropGradient: the loss and deltas of one sample and of a batch, cross-entropy on softmax, flat targets of a one-output network, and its errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'The gradient of a batch' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
        $script:fwd = $net | Invoke-BackpropForward -Input @(0.05, 0.10), @(0.5, -0.2), @(1, 2)
    }

    It 'has the mean of its samples losses as its loss' {
        $targets = @(0.01, 0.99), @(1, 0), @(0.5, 0.5)
        $batch = $fwd | Get-BackpropGradient -Target $targets
        $single = for ($i = 0; $i -lt 3; $i++) {
            ($net | Invoke-BackpropForward -Input $fwd.Input.GetRow($i) | Get-BackpropGradient -Target $targets[$i]).Loss
        }
        Assert-Close ($batch.Loss) (($single | Measure-Object -Sum).Sum / 3) 1e-15
    }
}

Describe 'Losses through the cmdlets' {
    It 'trains a softmax network with cross-entropy: one step lowers the loss' {
        $net = New-BackpropNetwork 3, 5, 3 -Activation Tanh, Softmax -Seed 3
        $x = @(0.2, -0.4, 0.9), @(-1, 0.5, 0.1)
        $y = @(1, 0, 0), @(0, 0, 1)
        $before = $net | Invoke-BackpropForward -Input $x | Get-BackpropGradient -Target $y -Loss CrossEntropy
        $after = $before | Update-BackpropNetwork -LearningRate 0.1 | Invoke-BackpropForward -Input $x |
            Get-BackpropGradient -Target $y -Loss CrossEntropy
        $after.Loss | Should -BeLessThan $before.Loss
    }
}

Describe 'Targets of a one-output network' {
    It 'read a flat list as one target per sample' {
        $net = New-BackpropNetwork 2, 3, 1 -Seed 1
        $flat = $net | Invoke-BackpropForward -Input @(0, 0), @(0, 1), @(1, 0) | Get-BackpropGradient -Target 0, 1, 1
        $nested = $net | Invoke-BackpropForward -Input @(0, 0), @(0, 1), @(1, 0) | Get-BackpropGradient -Target @(, 0), @(, 1), @(, 1)
        $flat.Target.Rows | Should -Be 3
        $flat.Loss | Should -Be $nested.Loss
    }
}

Describe 'Errors from Get-BackpropGradient' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
        $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
    }

    It 'rejects a target of the wrong length' {
        $e = Get-ErrorRecord { $fwd | Get-BackpropGradient -Target 1, 2, 3 } 'TargetSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*Expected 2 target values*got 3*'
    }

    It 'rejects a NaN target' {
        Get-ErrorRecord { $fwd | Get-BackpropGradient -Target ([double]::NaN), 1 } 'NonFiniteTarget' 'InvalidArgument'
    }

    It 'rejects a number of targets unlike the number of samples' {
        Get-ErrorRecord { $fwd | Get-BackpropGradient -Target @(0, 1), @(1, 0) } 'BatchSizeMismatch' 'InvalidArgument'
    }

    It 'rejects cross-entropy on a sigmoid output' {
        $e = Get-ErrorRecord { $fwd | Get-BackpropGradient -Target 0, 1 -Loss CrossEntropy } 'LossActivationMismatch' 'InvalidOperation'
        $e.Exception.Message | Should -BeLike '*Softmax*'
    }

    It 'rejects an unknown loss' {
        $e = Get-ErrorRecord { $fwd | Get-BackpropGradient -Target 0, 1 -Loss Hinge } 'CannotConvertArgumentNoMessage' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*HalfSquaredError*'
    }
}
