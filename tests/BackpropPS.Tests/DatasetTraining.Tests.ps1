# A data set object into Invoke-BackpropTraining, whole: the same training, bit for bit, as the same data
# given as records or as -Input/-Target, and the same schema as records give.
BeforeAll {
    Import-Module BackpropPS -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:irisColumns = 'sepal_length', 'sepal_width', 'petal_length', 'petal_width'

    function script:Get-RunBits($Run) {
        ConvertTo-BitPattern (@($Run | ForEach-Object { $_.Loss; $_.ValidationLoss; $_.Accuracy; $_.ValidationAccuracy; $_.GradientNorm }) +
            ($Run[-1].Network | Get-BackpropParameter).Value)
    }
    function script:Get-SchemaText($Network) {
        $s = $Network.Schema
        "in: $($s.InputColumns -join ','); out: $($s.TargetColumns -join ','); labels: $($s.ClassLabels -join ','); " +
        "mean: $(ConvertTo-BitPattern $s.Scaling.Mean); scale: $(ConvertTo-BitPattern $s.Scaling.Scale)"
    }
}

Describe 'Get-BackpropDataset -AsDataset' {
    It 'gives Iris as one object: the four measurements, one-hot species in ordinal order, and its schema' {
        $records = Get-BackpropDataset Iris
        $data = @(Get-BackpropDataset Iris -AsDataset)
        $data.Count | Should -Be 1
        $data = $data[0]
        $data | Should -BeOfType BackpropPS.Core.Training.Dataset
        $data.Count | Should -Be 150
        $data.Schema.InputColumns | Should -Be $irisColumns
        $data.Schema.TargetColumns | Should -Be 'species'
        $data.Schema.ClassLabels | Should -Be 'setosa', 'versicolor', 'virginica'
        $inv = [cultureinfo]::InvariantCulture
        $expected = foreach ($r in $records) { foreach ($c in $irisColumns) { [double]::Parse($r.$c, $inv) } }
        ConvertTo-BitPattern $data.Inputs.ToArray() | Should -Be (ConvertTo-BitPattern $expected)
        $labels = 'setosa', 'versicolor', 'virginica'
        $oneHot = foreach ($r in $records) { foreach ($l in $labels) { [double]($r.species -ceq $l) } }
        $data.Targets.ToArray() | Should -Be $oneHot
    }

    It 'gives <Name> as x1, x2 and a 0/1 label, the records'' numbers exactly' -ForEach @(
        @{ Name = 'Xor'; Options = @{} }
        @{ Name = 'Moons'; Options = @{ Count = 41; Noise = 0.1; Seed = 2 } }
        @{ Name = 'Circle'; Options = @{ Count = 30; Seed = 5 } }
        @{ Name = 'Spiral'; Options = @{ Count = 20 } }
        @{ Name = 'Gauss'; Options = @{ Count = 20; Seed = 1 } }
    ) {
        $records = Get-BackpropDataset $Name @Options
        $data = Get-BackpropDataset $Name @Options -AsDataset
        $data.Count | Should -Be @($records).Count
        ConvertTo-BitPattern $data.Inputs.ToArray() | Should -Be (ConvertTo-BitPattern ($records | ForEach-Object { $_.x1; $_.x2 }))
        $data.Targets.Columns | Should -Be 1
        $data.Targets.ToArray() | Should -Be ($records | ForEach-Object label)
        $data.Schema.InputColumns | Should -Be 'x1', 'x2'
        $data.Schema.TargetColumns | Should -Be 'label'
        $data.Schema.ClassLabels.Count | Should -Be 0
    }

    It 'gives a large generated set as one object, not one per point' {
        $data = @(Get-BackpropDataset Spiral -Count 100000 -AsDataset)
        $data.Count | Should -Be 1
        $data[0].Inputs.Rows | Should -Be 100000
    }

    It 'prints as one short row: name, count, input and target width, labels' {
        $lines = @((Get-BackpropDataset Iris -AsDataset | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $lines[0] | Should -Match '^Name\s+Count\s+Inputs\s+Targets\s+Labels$'
        $lines[2] | Should -Match '^Iris\s+150\s+4\s+3\s+setosa, versicolor, virginica$'
        $lines.Count | Should -Be 3
    }
}

Describe 'Training from a data set object' {
    BeforeAll {
        $script:iris = Get-BackpropDataset Iris -AsDataset
        $script:net = New-BackpropNetwork 4, 6, 3 -Activation Tanh, Softmax -Seed 3
        $script:settings = @{ Network = $net; Optimizer = 'Adam'; LearningRate = 0.01; Epochs = 8; BatchSize = 16; Shuffle = $true; Seed = 3; ValidationFraction = 0.2; Standardize = $true }
        $script:fromRecords = Get-BackpropDataset Iris | Invoke-BackpropTraining @settings -TargetColumn species
    }

    It 'piped, equals training on the records, bit for bit, and gives the network the same schema' {
        $run = $iris | Invoke-BackpropTraining @settings
        $run.Count | Should -Be 8
        Get-RunBits $run | Should -Be (Get-RunBits $fromRecords)
        Get-SchemaText $run[-1].Network | Should -Be (Get-SchemaText $fromRecords[-1].Network)
        $run[-1].Network.Schema.ClassLabels | Should -Be 'setosa', 'versicolor', 'virginica'
    }

    It 'given with -Dataset, equals training on the records' {
        $run = Invoke-BackpropTraining @settings -Dataset $iris
        Get-RunBits $run | Should -Be (Get-RunBits $fromRecords)
        Get-SchemaText $run[-1].Network | Should -Be (Get-SchemaText $fromRecords[-1].Network)
    }

    It 'equals training on its matrices as -Input and -Target, which bring no columns or labels' {
        $run = Invoke-BackpropTraining @settings -Input $iris.Inputs -Target $iris.Targets
        Get-RunBits $run | Should -Be (Get-RunBits $fromRecords)
        $run[-1].Network.Schema.ClassLabels.Count | Should -Be 0
    }

    It 'gives a network that predicts on records in labels, as the records network does' {
        $run = $iris | Invoke-BackpropTraining @settings
        $predicted = Get-BackpropDataset Iris | Invoke-BackpropPrediction -Network $run[-1].Network
        $expected = Get-BackpropDataset Iris | Invoke-BackpropPrediction -Network $fromRecords[-1].Network
        $predicted.Predicted | Should -Be $expected.Predicted
        $predicted.Predicted | Should -Contain 'virginica'
        ($predicted | Where-Object Correct).Count | Should -BeGreaterThan 100
    }

    It 'of a generated set equals training on its records with a one-output network' {
        $one = New-BackpropNetwork 2, 4, 1 -Activation Tanh, Sigmoid -Seed 1
        $options = @{ Network = $one; LearningRate = 0.5; Epochs = 5; BatchSize = 8; Shuffle = $true; Seed = 2; ValidationFraction = 0.25 }
        $records = Get-BackpropDataset Moons -Count 40 -Noise 0.1 -Seed 2 | Invoke-BackpropTraining @options -TargetColumn label
        $objects = Get-BackpropDataset Moons -Count 40 -Noise 0.1 -Seed 2 -AsDataset | Invoke-BackpropTraining @options
        Get-RunBits $objects | Should -Be (Get-RunBits $records)
        Get-SchemaText $objects[-1].Network | Should -Be (Get-SchemaText $records[-1].Network)
    }

    It 'without a schema trains like -Input/-Target and keeps the network''s own schema' {
        $trained = $fromRecords[-1].Network
        $plain = [BackpropPS.Core.Training.Dataset]::new($iris.Inputs, $iris.Targets)
        $run = $plain | Invoke-BackpropTraining -Network $trained -Epochs 2 -BatchSize 16
        $batch = Invoke-BackpropTraining -Network $trained -Input $iris.Inputs -Target $iris.Targets -Epochs 2 -BatchSize 16
        Get-RunBits $run | Should -Be (Get-RunBits $batch)
        Get-SchemaText $run[-1].Network | Should -Be (Get-SchemaText $trained)
    }

    It 'built in PowerShell, has no schema with $null and gives the network a schema of its own' {
        $schema = [BackpropPS.Core.Training.DataSchema]::new([string[]]('a', 'b'), [string[]]'answer', [string[]]('no', 'yes'))
        $data = [BackpropPS.Core.Training.Dataset]::new($iris.Inputs, $iris.Targets, $null)
        $data.Schema | Should -BeNullOrEmpty
        $x = [BackpropPS.Core.Matrix]::new(4, 2, [double[]](0, 0, 0, 1, 1, 0, 1, 1))
        $y = [BackpropPS.Core.Matrix]::new(4, 1, [double[]](0, 1, 1, 0))
        $run = [BackpropPS.Core.Training.Dataset]::new($x, $y, $schema) | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 1 -Seed 1) -Epochs 1
        $run[-1].Network.Schema.InputColumns | Should -Be 'a', 'b'
        $run[-1].Network.Schema.ClassLabels | Should -Be 'no', 'yes'
    }
}

Describe 'Mistakes with data set objects' {
    BeforeAll {
        $script:iris = Get-BackpropDataset Iris -AsDataset
        $script:net = New-BackpropNetwork 4, 6, 3 -Activation Tanh, Softmax -Seed 3
    }

    It 'names records and a data set in one pipeline, in either order, before any epoch' {
        $kept = [System.Collections.Generic.List[object]]::new()
        $e = Get-ErrorRecord { @(Get-BackpropDataset Iris) + $iris | Invoke-BackpropTraining -Network $net -Epochs 1 | ForEach-Object { $kept.Add($_) } } 'DatasetMixedWithRecords' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'Expected either records or one data set through the pipeline; got both. Pipe one kind of training data at a time.'
        Get-ErrorRecord { @($iris) + @(Get-BackpropDataset Iris) | Invoke-BackpropTraining -Network $net -Epochs 1 | ForEach-Object { $kept.Add($_) } } 'DatasetMixedWithRecords' 'InvalidArgument'
        $kept.Count | Should -Be 0
    }

    It 'names a second data set' {
        $e = Get-ErrorRecord { $iris, $iris | Invoke-BackpropTraining -Network $net -Epochs 1 } 'MultipleDatasets' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike 'Expected one data set through the pipeline; got a second one.*'
    }

    It 'names -InputColumn or -TargetColumn with a piped data set' {
        $e = Get-ErrorRecord { $iris | Invoke-BackpropTraining -Network $net -TargetColumn species } 'ColumnWithDataset' 'InvalidArgument'
        $e.Exception.Message | Should -BeLike '-InputColumn and -TargetColumn name the columns of records; a data set brings its own inputs and targets.*'
        Get-ErrorRecord { $iris | Invoke-BackpropTraining -Network $net -InputColumn $irisColumns } 'ColumnWithDataset' 'InvalidArgument'
    }

    It 'leaves -Dataset with record or batch parameters to PowerShell, which finds no parameter set' {
        Get-ErrorRecord { Invoke-BackpropTraining -Network $net -Dataset $iris -TargetColumn species } 'AmbiguousParameterSet' 'InvalidArgument'
        Get-ErrorRecord { Invoke-BackpropTraining -Network $net -Dataset $iris -Input 1, 2, 3, 4 -Target 1, 0, 0 } 'AmbiguousParameterSet' 'InvalidArgument'
    }

    It 'names a network that does not fit the data set: <Case>' -ForEach @(
        @{ Case = 'inputs'; Shape = 2, 5, 3; Activation = 'Tanh', 'Softmax'; ErrorId = 'InputSizeMismatch'; Message = 'The network takes 2 inputs; the data set has 4 input columns (sepal_length, sepal_width, petal_length, petal_width).' }
        @{ Case = 'labels'; Shape = 4, 2; Activation = 'Softmax'; ErrorId = 'ClassCountMismatch'; Message = 'The data set has 3 labels (setosa, versicolor, virginica); the network has 2 outputs: one per label, or one output for two labels.' }
    ) {
        $small = New-BackpropNetwork $Shape -Activation $Activation -Seed 1
        $e = Get-ErrorRecord { $iris | Invoke-BackpropTraining -Network $small } $ErrorId 'InvalidArgument'
        $e.Exception.Message | Should -Be $Message
    }

    It 'names targets of another width than the network outputs' {
        $moons = Get-BackpropDataset Moons -Count 10 -AsDataset
        $e = Get-ErrorRecord { $moons | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 3, 2 -Seed 1) } 'TargetSizeMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'The network has 2 outputs; the data set has 1 target column.'
    }

    It 'names labels other than the ones a network was trained on' {
        $trained = (Get-BackpropDataset Iris | Invoke-BackpropTraining -Network $net -TargetColumn species -Epochs 1)[-1].Network
        $other = [BackpropPS.Core.Training.Dataset]::new($iris.Inputs, $iris.Targets,
            [BackpropPS.Core.Training.DataSchema]::new($iris.Schema.InputColumns, $iris.Schema.TargetColumns, [string[]]('a', 'b', 'c')))
        $e = Get-ErrorRecord { $other | Invoke-BackpropTraining -Network $trained -Epochs 1 } 'ClassLabelMismatch' 'InvalidArgument'
        $e.Exception.Message | Should -Be 'The network was trained on the labels setosa, versicolor, virginica; the data set''s labels are a, b, c.'
        @($iris | Invoke-BackpropTraining -Network $trained -Epochs 1).Count | Should -Be 1
    }

    It 'reports a validation fraction that leaves no sample, as for records' {
        $xor = Get-BackpropDataset Xor -AsDataset
        Get-ErrorRecord { $xor | Invoke-BackpropTraining -Network (New-BackpropNetwork 2, 2, 1 -Seed 1) -ValidationFraction 0.1 } 'InvalidValidationFraction' 'InvalidArgument'
    }
}
