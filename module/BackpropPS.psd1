@{
    RootModule           = 'BackpropPS.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = 'ada91a0d-9d79-460c-92c3-040fc63f105f'
    Author               = 'BackpropPS contributors'
    CompanyName          = 'BackpropPS'
    Copyright            = '(c) BackpropPS contributors. MIT License.'
    Description          = 'Learn, teach and experiment with backpropagation: build, run, train and explain fully-connected neural networks one inspectable step at a time.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('BackpropPS.Format.ps1xml')
    # data/iris.csv and data/digits.csv ship with their licences beside them.
    FileList             = @('data/iris.csv', 'data/iris.LICENSE.txt', 'data/digits.csv', 'data/digits.LICENSE.txt')
    CmdletsToExport      = @(
        'New-BackpropNetwork'
        'Invoke-BackpropForward'
        'Get-BackpropGradient'
        'Update-BackpropNetwork'
        'Get-BackpropParameter'
        'Export-BackpropNetwork'
        'Import-BackpropNetwork'
        'Invoke-BackpropStep'
        'Test-BackpropGradient'
        'Export-BackpropDiagram'
        'Export-BackpropLossChart'
        'Invoke-BackpropTraining'
        'Invoke-BackpropSweep'
        'Invoke-BackpropPrediction'
        'Measure-BackpropAccuracy'
        'Get-BackpropDataset'
        'Export-BackpropWeightImage'
        'Export-BackpropImageGrid'
        'Export-BackpropConfusionMatrix'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('NeuralNetwork', 'Backpropagation', 'MachineLearning', 'Teaching')
            LicenseUri = ''
        }
    }
}
