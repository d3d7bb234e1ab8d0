# Invoke-BackpropForward: one sample or a batch, numbers as strings, a flat list for a one-input network, a standardised network's scaling, and its errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'A batch through Invoke-BackpropForward' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
        $script:fwd = $net | Invoke-BackpropForward -Input @(0.05, 0.10), @(0.5, -0.2), @(1, 2)
    }

    It 'keeps one row of z and a per sample' {
        $fwd.SampleCount | Should -Be 3
        $fwd.Output.Rows | Should -Be 3
        $fwd.Z[0].Rows | Should -Be 3
        Assert-Close ($fwd.Output.GetRow(0)[0]) 0.751365069552 1e-12
    }

    It 'takes numbers as strings, as Import-Csv gives them' {
        Assert-Close (($net | Invoke-BackpropForward -Input '0.05', '0.10').Output[0]) 0.751365069552 1e-12
    }
}

Describe 'A flat list where a network has one input' {
    It 'reads a flat -Input as one sample per value for a one-input network' {
        $net = New-BackpropNetwork 1, 2, 1 -Seed 1
        $fwd = $net | Invoke-BackpropForward -Input 1, 2, 3
        $fwd.SampleCount | Should -Be 3
        $fwd.Output.GetRow(2)[0] | Should -Be ($net | Invoke-BackpropForward -Input 3).Output[0]
    }
}

Describe 'A standardised network outside prediction' {
    BeforeAll {
        $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
        $net = New-BackpropNetwork -LayerSize 4, 8, 3 -Activation Tanh, Softmax -Seed 3
        $script:trained = (Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn species `
                -Optimizer Adam -LearningRate 0.01 -Epochs 100 -BatchSize 16 -Seed 3 -Standardize)[-1].Network
    }

    It 'scales its inputs in Invoke-BackpropForward as prediction does' {
        $record = Import-Csv $irisPath | Select-Object -First 1
        $predicted = $record | Invoke-BackpropPrediction -Network $trained
        $raw = [double]$record.sepal_length, [double]$record.sepal_width, [double]$record.petal_length, [double]$record.petal_width
        $fwd = $trained | Invoke-BackpropForward -Input $raw
        $fwd.Output[0] | Should -Be $predicted.Probability_setosa
        $fwd.Input[0] | Should -Not -Be $raw[0]
    }
}

Describe 'Errors from Invoke-BackpropForward' {
    BeforeAll {
        $script:net = New-BackpropNetwork -Example StepByStep
    }

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

    It 'describes a value that is not a number as the user gave it: <Case>' -ForEach @(
        @{ Case = 'text'; Value = 'abc'; Shown = "'abc'" }
        @{ Case = 'a nested list'; Value = @(1, 2); Shown = 'a list of 2 values' }
        @{ Case = '$true'; Value = $true; Shown = '$true' }
        @{ Case = 'a hashtable'; Value = @{ a = 1 }; Shown = 'a hashtable of 1 entry' }
    ) {
        $net = New-BackpropNetwork -Example StepByStep
        $e = Get-ErrorRecord { $net | Invoke-BackpropForward -Input 1, $Value } 'NonNumericArgument' 'InvalidArgument'
        $e.Exception.Message | Should -Be "Expected numbers for -Input; value 2 of the sample is $Shown."
        $e.Exception.Message | Should -Not -Match 'System\.|String\)|Object\[\]'
    }
}
