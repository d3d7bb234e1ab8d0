# Get-BackpropDecisionBoundary: grid rows that agree with Invoke-BackpropPrediction and Invoke-BackpropForward through a real CSV, the range, the axes' names, -Layer, and the errors.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    function script:Read-Svg([string] $Path) { [xml](Get-Content -Raw -LiteralPath $Path) }
    function script:Get-Marked($Node, [string] $Class) { @($Node.SelectNodes(".//*[@class='$Class']")) }

    $script:circle = Get-BackpropDataset Circle -Count 60 -Noise 0.05 -Seed 3
    $net = New-BackpropNetwork 2, 5, 1 -Activation Tanh, Sigmoid -Seed 2
    # Standardized, so that the grid (raw units) must go through the network's scaling to agree with prediction.
    $script:run = $circle | Invoke-BackpropTraining -Network $net -TargetColumn label -Optimizer Adam -LearningRate 0.05 -Epochs 12 -Standardize -Seed 1
    $script:trained = $run[-1].Network
    $script:seed = New-BackpropNetwork -Example StepByStep
}

Describe 'Get-BackpropDecisionBoundary' {
    It 'gives one row per grid point that, read back from a CSV, equals Invoke-BackpropPrediction of the same point (standardized network)' {
        $trained.Schema.Scaling | Should -Not -BeNullOrEmpty
        $csv = Join-Path $TestDrive 'grid.csv'
        $circle | Get-BackpropDecisionBoundary -Network $trained -Resolution 7 | Export-Csv -LiteralPath $csv
        $rows = Import-Csv -LiteralPath $csv
        $rows.Count | Should -Be 49
        $rows[0].PSObject.Properties.Name | Should -Be 'x1', 'x2', 'Predicted', 'Probability_0', 'Probability_1'
        $points = $rows | ForEach-Object { [pscustomobject]@{ x1 = [double]$_.x1; x2 = [double]$_.x2 } }
        $predicted = @($points | Invoke-BackpropPrediction -Network $trained)
        for ($k = 0; $k -lt 49; $k++) {
            Assert-Close ([double]$rows[$k].Probability_1) $predicted[$k].Predicted 1e-12
            Assert-Close ([double]$rows[$k].Probability_0) (1 - $predicted[$k].Predicted) 1e-12
            $rows[$k].Predicted | Should -Be ([int]($predicted[$k].Predicted -ge 0.5))
        }
    }

    It 'reads the range from the data with a 10 % margin, the lowest y first, or takes -XRange and -YRange' {
        $x = $circle.x1 | Measure-Object -Minimum -Maximum
        $y = $circle.x2 | Measure-Object -Minimum -Maximum
        $rows = @($circle | Get-BackpropDecisionBoundary -Network $trained -Resolution 4)
        $named = @(Get-BackpropDecisionBoundary -Network $trained -Resolution 4 -Data $circle)
        ($named | ForEach-Object { "$($_.x1),$($_.x2),$($_.Predicted)" }) -join ' ' | Should -Be (($rows | ForEach-Object { "$($_.x1),$($_.x2),$($_.Predicted)" }) -join ' ')
        @(Get-BackpropDecisionBoundary -Network $trained -Resolution 4 -Data (Get-BackpropDataset Circle -Count 60 -Noise 0.05 -Seed 3 -AsDataset)).Count | Should -Be 16
        Assert-Close $rows[0].x1 ($x.Minimum - 0.1 * ($x.Maximum - $x.Minimum))
        Assert-Close $rows[0].x2 ($y.Minimum - 0.1 * ($y.Maximum - $y.Minimum))
        Assert-Close $rows[-1].x1 ($x.Maximum + 0.1 * ($x.Maximum - $x.Minimum))
        Assert-Close $rows[-1].x2 ($y.Maximum + 0.1 * ($y.Maximum - $y.Minimum))
        $given = @(Get-BackpropDecisionBoundary -Network $trained -XRange -2, 2 -YRange 0, 1 -Resolution 3)
        ($given | ForEach-Object { "$($_.x1),$($_.x2)" }) -join ' ' | Should -Be '-2,0 0,0 2,0 -2,0.5 0,0.5 2,0.5 -2,1 0,1 2,1'
        $dataset = Get-BackpropDataset Circle -Count 60 -Noise 0.05 -Seed 3 -AsDataset
        $fromDataset = @($dataset | Get-BackpropDecisionBoundary -Network $trained -Resolution 4 -Margin 0)
        Assert-Close $fromDataset[0].x1 $x.Minimum
    }

    It 'gives the seed network''s two outputs as the probabilities, equal to Invoke-BackpropForward' {
        $rows = @(Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1 -YRange -1, 1 -Resolution 3)
        $rows[0].PSObject.Properties.Name | Should -Be 'x1', 'x2', 'Predicted', 'Probability_0', 'Probability_1'
        foreach ($row in $rows) {
            $output = (Invoke-BackpropForward -Network $seed -Input $row.x1, $row.x2).Output.ToArray()
            Assert-Close $row.Probability_0 $output[0]
            Assert-Close $row.Probability_1 $output[1]
            $row.Predicted | Should -Be ([string][int]($output[1] -gt $output[0]))
        }
    }

    It 'with -Layer gives each neuron''s output, named as the module names neurons' {
        $rows = @(Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1 -YRange 0, 1 -Resolution 2 -Layer 1)
        $rows.Count | Should -Be 4
        $rows[0].PSObject.Properties.Name | Should -Be 'x1', 'x2', 'h1', 'h2'
        $last = (Invoke-BackpropForward -Network $seed -Input 1, 1).A[0].ToArray()
        Assert-Close $rows[3].h1 $last[0]
        Assert-Close $rows[3].h2 $last[1]
        (@(Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1 -YRange 0, 1 -Resolution 2 -Layer 2)[0].PSObject.Properties.Name) | Should -Be 'x1', 'x2', 'o1', 'o2'
    }

    It 'names its axes by the input columns the network was trained on' {
        $records = 1..20 | ForEach-Object { [pscustomobject]@{ height = 150 + $_; weight = 40 + 2 * $_; tall = [int]($_ -gt 10) } }
        $net = $records | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 1 -Seed 1) -TargetColumn tall -Epochs 2 -Standardize
        $rows = @($records | Get-BackpropDecisionBoundary -Network $net[-1].Network -Resolution 2)
        $rows[0].PSObject.Properties.Name | Should -Be 'height', 'weight', 'Predicted', 'Probability_0', 'Probability_1'
        Assert-Close $rows[0].height (151 - 1.9)
    }

    It 'gives a three-class classifier on two Iris columns one probability per species, adding up to 1' {
        $iris = Get-BackpropDataset Iris
        $net = New-BackpropNetwork 2, 4, 3 -Activation Tanh, Softmax -Seed 1
        $run = $iris | Invoke-BackpropTraining -Network $net -InputColumn petal_length, petal_width -TargetColumn species -Optimizer Adam -LearningRate 0.05 -Epochs 20 -Standardize
        $rows = @($iris | Get-BackpropDecisionBoundary -Network $run[-1].Network -Resolution 5)
        $rows[0].PSObject.Properties.Name | Should -Be 'petal_length', 'petal_width', 'Predicted', 'Probability_setosa', 'Probability_versicolor', 'Probability_virginica'
        foreach ($row in $rows) {
            Assert-Close ($row.Probability_setosa + $row.Probability_versicolor + $row.Probability_virginica) 1 1e-12
            $best = ('setosa', 'versicolor', 'virginica' | Sort-Object { $row."Probability_$_" } -Descending)[0]
            $row.Predicted | Should -Be $best
        }
        $path = Join-Path $TestDrive 'iris.svg'
        $run | Export-BackpropDecisionBoundary -Path $path -Data $iris
        $svg = Read-Svg $path
        (Get-Marked $svg 'legend-entry').'data-label' | Should -Be 'setosa', 'versicolor', 'virginica'
        (Get-Marked $svg 'point').Count | Should -Be 150
        (Get-Marked $svg 'point' | Group-Object fill | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }) -join ' ' | Should -Be '#2b6cb0=50 #2f855a=50 #c05621=50'
    }

    It 'refuses <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'a network without two inputs'; ErrorId = 'NotTwoInputs'; Script = { Get-BackpropDecisionBoundary -Network (New-BackpropNetwork 4, 3 -Seed 1) -XRange 0, 1 -YRange 0, 1 } }
        @{ Case = 'records without two input columns'; ErrorId = 'NotTwoInputColumns'; Script = { Get-BackpropDataset Iris | Get-BackpropDecisionBoundary -Network $seed } }
        @{ Case = 'a data set without two input columns'; ErrorId = 'NotTwoInputColumns'; Script = { Get-BackpropDataset Iris -AsDataset | Get-BackpropDecisionBoundary -Network $seed } }
        @{ Case = 'a range the wrong way round'; ErrorId = 'InvalidRange'; Script = { Get-BackpropDecisionBoundary -Network $seed -XRange 1, -1 -YRange 0, 1 } }
        @{ Case = 'a range of three numbers'; ErrorId = 'InvalidRange'; Script = { Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1, 2 -YRange 0, 1 } }
        @{ Case = 'no data and no range'; ErrorId = 'MissingRange'; Script = { Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1 } }
        @{ Case = 'a resolution of 1'; ErrorId = 'InvalidResolution'; Script = { Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1 -YRange 0, 1 -Resolution 1 } }
        @{ Case = 'a layer the network lacks'; ErrorId = 'LayerNotFound'; Script = { Get-BackpropDecisionBoundary -Network $seed -XRange 0, 1 -YRange 0, 1 -Layer 3 } }
        @{ Case = 'a network piped as data'; ErrorId = 'NetworkPipedAsRecord'; Script = { $seed | Get-BackpropDecisionBoundary -Network $seed } }
    ) {
        $e = Get-ErrorRecord $Script $ErrorId
        $e.Exception.Message | Should -Not -BeLike '*System.*'
    }
}
