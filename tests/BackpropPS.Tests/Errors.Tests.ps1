# Bad input is an ErrorRecord with a stable ErrorId, the right category, an exception of the type that
# category means and a message that says what was expected and what came: never a bare .NET exception.
# A problem with one piped item is non-terminating; the other items go on.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:net = New-BackpropNetwork -Example StepByStep
    $script:fwd = $net | Invoke-BackpropForward -Input 0.05, 0.10
    $script:grad = $fwd | Get-BackpropGradient -Target 0.01, 0.99

}

Describe 'Errors from the training step' {
    It 'rejects an input of the wrong length' {
        $e = Get-ErrorRecord { $net | Invoke-BackpropForward -Input 1, 2, 3 } 'InputSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*Expected 2 input values*got 3*'
    }

    It 'rejects a batch whose samples differ in length' {
        Get-ErrorRecord { $net | Invoke-BackpropForward -Input @(1, 2), @(3) } 'RaggedBatch' 'InvalidArgument'
    }

    It 'rejects <Value> in the input' -TestCases @(
        @{ Value = [double]::NaN }, @{ Value = [double]::PositiveInfinity }, @{ Value = 'NaN' }
    ) {
        param($Value)
        $e = Get-ErrorRecord { $net | Invoke-BackpropForward -Input $Value, 1 } 'NonFiniteInput' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*finite*'
    }

    It 'rejects a value that is not a number' {
        $e = Get-ErrorRecord { $net | Invoke-BackpropForward -Input 1, 'abc' } 'NonNumericArgument' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike "*-Input*'abc'*"
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

    It 'rejects the learning rate <Rate>' -TestCases @(
        @{ Rate = 0 }, @{ Rate = -0.5 }, @{ Rate = [double]::NaN }, @{ Rate = [double]::PositiveInfinity }
    ) {
        param($Rate)
        $e = Get-ErrorRecord { $grad | Update-BackpropNetwork -LearningRate $Rate } 'InvalidLearningRate' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*positive finite number*'
    }

    It 'rejects an unknown activation' {
        $e = Get-ErrorRecord { New-BackpropNetwork 2, 2 -Activation Cosine } 'CannotConvertArgumentNoMessage' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*Sigmoid*'
    }

    It 'rejects an unknown loss' {
        $e = Get-ErrorRecord { $fwd | Get-BackpropGradient -Target 0, 1 -Loss Hinge } 'CannotConvertArgumentNoMessage' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*HalfSquaredError*'
    }
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

Describe 'Errors from New-BackpropNetwork' {
    It 'rejects a single layer size' {
        Get-ErrorRecord { New-BackpropNetwork -LayerSize 3 } 'InvalidLayerSize' 'InvalidArgument'
    }

    It 'rejects a layer of zero neurons' {
        Get-ErrorRecord { New-BackpropNetwork -LayerSize 3, 0 } 'InvalidLayerSize' 'InvalidArgument'
    }

    It 'rejects a number of activations that is neither one nor one per layer' {
        Get-ErrorRecord { New-BackpropNetwork 2, 3, 1 -Activation ReLU, ReLU, ReLU } 'ActivationCountMismatch' 'InvalidArgument'
    }

    It 'rejects weights of layers that do not chain' {
        Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)), @(, @(1, 2, 3)) } 'LayerSizeMismatch' 'InvalidArgument'
    }

    It 'rejects a number of biases unlike the number of layers' {
        Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)), @(, @(1, 2)) -Bias 1, 2, 3 } 'BiasCountMismatch' 'InvalidArgument'
    }

    It 'rejects a per-neuron bias of the wrong length' {
        Get-ErrorRecord { New-BackpropNetwork -Weight @(@(1, 2), @(3, 4)) -Bias @(, @(1, 2, 3)) } 'BiasShapeMismatch' 'InvalidArgument'
    }
}

Describe 'Get-BackpropParameter with something else' {
    It 'writes a non-terminating error and goes on with the rest' {
        $rows = @($net, 'not a network', $net | Get-BackpropParameter -ErrorVariable problems -ErrorAction SilentlyContinue)
        $rows.Count | Should -Be 20
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedInputObject,*'
    }
}

Describe 'Sizes beyond what can be built' {
    It 'refuses a layer of <Size> x <Size> weights with the size it would need' -TestCases @(@{ Size = 65536 }, @{ Size = 46341 }) {
        param($Size)
        $e = Get-ErrorRecord { New-BackpropNetwork -LayerSize $Size, $Size } 'NetworkTooLarge' 'LimitsExceeded'
        $e.Exception.Message | Should -BeLike "*$('{0:N0}' -f $Size)*more than one array can hold*"
    }

    It 'refuses a generated set of two billion points' {
        $e = Get-ErrorRecord { Get-BackpropDataset Circle -Count 2147483647 } 'InvalidCount' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '*10,000,000*'
    }
}
