# The record path's errors say what the user gave and what is wrong with it, in their terms; a network that
# cannot answer is never trained; one default loss for training and for one step on the same network.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisPath = Join-Path (Get-Module BackpropPS).ModuleBase 'data/iris.csv'
    $script:oneOutput = New-BackpropNetwork 2, 3, 1 -Seed 1
}

Describe 'Messages in the user''s terms' {
    It 'names a misspelt -TargetColumn and the columns there are' {
        $net = New-BackpropNetwork 4, 3 -Activation Softmax -Seed 1
        $e = Get-ErrorRecord { Import-Csv $irisPath | Invoke-BackpropTraining -Network $net -TargetColumn Species2 -Epochs 1 } 'MissingColumn' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 1 has no column 'Species2'. Its columns are: sepal_length, sepal_width, petal_length, petal_width, species."
    }

    It 'names the NA in a numeric target column instead of counting labels' {
        $records = 1..20 | ForEach-Object { [pscustomobject]@{ x1 = "$_"; x2 = '1'; y = if ($_ -eq 7) { 'NA' } else { "$($_ / 10)" } } }
        $e = Get-ErrorRecord { $records | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 1 } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 7, column 'y': expected a number; got 'NA'."
    }

    It 'calls an empty regression target an empty cell, not a missing class label' {
        $e = Get-ErrorRecord { "x1,x2,y`n1,2,0.5`n3,4,`n5,6,1.5" | ConvertFrom-Csv | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 1 } 'NonNumericCell' 'InvalidData'
        $e.Exception.Message | Should -Be "Record 2, column 'y': expected a number; got an empty cell."
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

    It 'names what was piped to Get-BackpropParameter without a .NET type' {
        $e = Get-ErrorRecord { 'abc' | Get-BackpropParameter } 'UnsupportedInputObject' 'InvalidType'
        $e.Exception.Message | Should -Be "Expected a network, a forward pass, a gradient, a training step or an epoch row; got 'abc'."
    }
}

Describe 'A classifier needs two labels' {
    It 'refuses to train a one-output network on a single class label' {
        $records = "x1,x2,y`n1,2,yes`n3,4,yes" | ConvertFrom-Csv
        $e = Get-ErrorRecord { $records | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 1 } 'SingleClassLabel' 'InvalidArgument'
        $e.Exception.Message | Should -Be "Column 'y' has one label only (yes); a classifier needs at least two labels to tell apart."
    }

    It 'refuses a data set whose schema has one label or one label twice' {
        { [BackpropPS.Core.Training.DataSchema]::new([string[]]('x1', 'x2'), [string[]]'y', [string[]]'yes', $null) } |
            Should -Throw -ExpectedMessage '*one label only (yes)*'
        { [BackpropPS.Core.Training.DataSchema]::new([string[]]('x1', 'x2'), [string[]]'y', [string[]]('a', 'a'), $null) } |
            Should -Throw -ExpectedMessage "*names the label 'a' twice*"
    }

    It 'predicts and measures with a one-output network trained on two labels' {
        $records = "x1,x2,y`n1,2,no`n3,4,yes" | ConvertFrom-Csv
        $trained = ($records | Invoke-BackpropTraining -Network $oneOutput -TargetColumn y -Epochs 2)[-1].Network
        $rows = $records | Invoke-BackpropPrediction -Network $trained
        $rows.Predicted | Should -BeIn 'no', 'yes'
        ($rows[0].Probability_no + $rows[0].Probability_yes) | Should -Be 1
        ($records | Measure-BackpropAccuracy -Network $trained).Total | Should -Be 2
    }
}

Describe 'One default loss' {
    It 'uses the loss of Invoke-BackpropTraining for Invoke-BackpropStep on the same Softmax network' {
        $net = New-BackpropNetwork 2, 3 -Activation Softmax -Seed 1
        $step = $net | Invoke-BackpropStep -Input 0.5, -0.5 -Target 0, 1, 0 -LearningRate 0.1
        $step.LossFunction | Should -Be 'CrossEntropy'
        $epoch = Invoke-BackpropTraining -Network $net -Input @(, @(0.5, -0.5)) -Target @(, @(0, 1, 0)) -LearningRate 0.1 -Epochs 1 -BatchSize 0
        Assert-Close $step.Loss $epoch.Loss 1e-15
        ConvertTo-BitPattern ($step.After | Get-BackpropParameter).Value | Should -Be (ConvertTo-BitPattern ($epoch.Network | Get-BackpropParameter).Value)
    }

    It 'keeps the seed step''s HalfSquaredError on the sigmoid example' {
        $step = New-BackpropNetwork -Example StepByStep | Invoke-BackpropStep -Input 0.05, 0.10 -Target 0.01, 0.99 -LearningRate 0.5
        $step.LossFunction | Should -Be 'HalfSquaredError'
        Assert-Close $step.Loss 0.298371108760003 1e-12
    }
}
