# Two labels on one sigmoid output, across the cmdlets: trained on text labels, predicted and measured in those labels, and a data set schema with fewer than two.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Two labels and one sigmoid output' {
    BeforeAll {
        # The moons, labelled in words: the first label in ordinal order is 0, the second 1.
        $script:moons = Get-BackpropDataset Moons -Count 80 -Noise 0.05 -Seed 1 |
            Select-Object x1, x2, @{ Name = 'side'; Expression = { if ($_.label -eq 1) { 'upper' } else { 'lower' } } }
        $net = New-BackpropNetwork 2, 8, 1 -Activation Tanh, Sigmoid -Seed 1
        $script:binary = ($moons | Invoke-BackpropTraining -Network $net -TargetColumn side -Loss BinaryCrossEntropy `
                -Optimizer Adam -LearningRate 0.05 -Epochs 200 -BatchSize 16 -Seed 1)[-1].Network
    }

    It 'trains a one-output network on two text labels' {
        $binary.Schema.ClassLabels | Should -Be 'lower', 'upper'
        $binary.OutputSize | Should -Be 1
    }

    It 'predicts the labels, with a probability for each that sums to 1' {
        $rows = $moons | Invoke-BackpropPrediction -Network $binary
        $rows[0].Predicted | Should -BeIn 'lower', 'upper'
        Assert-Close ($rows[0].Probability_lower + $rows[0].Probability_upper) 1 1e-15
        ($rows | Where-Object Correct).Count / $rows.Count | Should -BeGreaterThan 0.9
        ($rows | Where-Object { ($_.Probability_upper -ge 0.5) -ne ($_.Predicted -eq 'upper') }) | Should -BeNullOrEmpty
    }

    It 'measures the accuracy with a two-by-two confusion matrix, after a round trip through a file' {
        $path = Join-Path $TestDrive 'binary.json'
        $binary | Export-BackpropNetwork -Path $path
        $report = $moons | Measure-BackpropAccuracy -Network (Import-BackpropNetwork $path)
        $report.Total | Should -Be 80
        $report.ConfusionMatrix.Actual | Should -Be 'lower', 'upper'
        $report.Accuracy | Should -BeGreaterThan 0.9
    }
}

Describe 'A classifier needs two labels' {
    BeforeAll {
        $script:oneOutput = New-BackpropNetwork 2, 3, 1 -Seed 1
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
